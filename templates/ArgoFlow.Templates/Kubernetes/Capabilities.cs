namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>Capabilities</c>.</summary>
public sealed record Capabilities(
    IReadOnlyList<string> Drop);
