namespace ArgoFlow.Templates.Argo;

/// <summary>
/// Argo <c>RetryStrategy</c>. <see cref="Limit"/> is int-or-string in Argo; written as a string because Argo's JSON
/// schema types it so. <see cref="Expression"/> is an expr condition over <c>lastRetry.*</c>: retry only while true.
/// </summary>
public sealed record RetryStrategy(
    string? Limit = null,
    string? RetryPolicy = null,
    Backoff? Backoff = null,
    string? Expression = null);
