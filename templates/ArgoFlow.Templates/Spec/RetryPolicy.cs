namespace ArgoFlow.Templates.Spec;

/// <summary>
/// Retries of a failed step: at most <see cref="Limit"/> more attempts, waiting <see cref="Backoff"/> then
/// multiplying by <see cref="Factor"/> up to <see cref="MaxBackoff"/>. Maps to Argo's retryStrategy and to the
/// step client's retry of UNAVAILABLE.
/// </summary>
public sealed record RetryPolicy(int Limit, TimeSpan Backoff, double Factor, TimeSpan MaxBackoff)
{
    public static RetryPolicy Default { get; } = new(3, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(30));
}
