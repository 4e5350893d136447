namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>ServiceSpec</c>.</summary>
public sealed record ServiceSpec(
    IReadOnlyDictionary<string, string> Selector,
    IReadOnlyList<ServicePort> Ports,
    string Type = "ClusterIP");
