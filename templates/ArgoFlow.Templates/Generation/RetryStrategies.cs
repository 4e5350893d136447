using System.Globalization;
using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec;
using ArgoFlow.Templates.Spec.Validation;

namespace ArgoFlow.Templates.Generation;

/// <summary>Maps a <see cref="RetryPolicy"/> to Argo's retryStrategy.</summary>
internal static class RetryStrategies
{
    /// <summary>
    /// Null when no retries are wanted. <c>retryPolicy: Always</c> lets Argo consider both Failed and Error attempts
    /// (a refused or timed-out call can end in either); <paramref name="transientWhen"/>, one of
    /// <see cref="TransientFailures"/>, then narrows the retries to failures that may pass on another attempt.
    /// Limit and factor are int-or-string in Argo and typed string in its JSON schema, so they are written as
    /// strings. <c>backoff.cap</c> only exists from Argo v3.7.0 (<see cref="ArgoFieldHistory.BackoffCap"/>); for an
    /// older target it is left out and the backoff grows by its factor without a ceiling.
    /// </summary>
    public static RetryStrategy? From(RetryPolicy policy, string transientWhen, ArgoVersion target) => policy.Limit == 0
        ? null
        : new RetryStrategy(
            policy.Limit.ToString(CultureInfo.InvariantCulture),
            "Always",
            new Backoff(
                Durations.Format(policy.Backoff),
                ((long)policy.Factor).ToString(CultureInfo.InvariantCulture),
                ArgoFieldHistory.BackoffCap.In(target) ? Durations.Format(policy.MaxBackoff) : null),
            transientWhen);
}
