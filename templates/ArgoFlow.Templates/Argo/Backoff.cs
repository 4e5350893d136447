namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>Backoff</c>: wait <see cref="Duration"/>, multiply by <see cref="Factor"/> (int-or-string, written as a string), never above <see cref="Cap"/>.</summary>
public sealed record Backoff(
    string? Duration = null,
    string? Factor = null,
    string? Cap = null);
