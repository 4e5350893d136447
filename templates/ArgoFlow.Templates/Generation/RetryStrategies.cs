using System.Globalization;
using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec;
using ArgoFlow.Templates.Spec.Validation;

namespace ArgoFlow.Templates.Generation;

/// <summary>Maps a <see cref="RetryPolicy"/> to Argo's retryStrategy.</summary>
internal static class RetryStrategies
{
    /// <summary>
    /// Null when no retries are wanted. <c>retryPolicy: Always</c> because a timed-out or refused call ends in
    /// Argo's Error phase, which the default (OnFailure) would not retry. Limit and factor are int-or-string in
    /// Argo and typed string in its JSON schema, so they are written as strings.
    /// </summary>
    public static RetryStrategy? From(RetryPolicy policy) => policy.Limit == 0
        ? null
        : new RetryStrategy(
            policy.Limit.ToString(CultureInfo.InvariantCulture),
            "Always",
            new Backoff(
                Durations.Format(policy.Backoff),
                ((long)policy.Factor).ToString(CultureInfo.InvariantCulture),
                Durations.Format(policy.MaxBackoff)));
}
