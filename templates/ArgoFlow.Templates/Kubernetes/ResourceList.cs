namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes resource quantities (<c>cpu</c>, <c>memory</c>) as Kubernetes writes them, e.g. 300m, 768Mi.</summary>
public sealed record ResourceList(
    string Cpu,
    string Memory);
