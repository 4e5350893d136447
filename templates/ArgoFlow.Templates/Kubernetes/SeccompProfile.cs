namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>SeccompProfile</c>.</summary>
public sealed record SeccompProfile(
    string Type);
