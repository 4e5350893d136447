namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>EnvVar</c> with a literal value.</summary>
public sealed record EnvVar(
    string Name,
    string Value);
