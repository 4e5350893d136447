namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>ServiceSpec</c>. <see cref="ClusterIP"/> <c>None</c> makes a headless Service.</summary>
public sealed record ServiceSpec(
    IReadOnlyDictionary<string, string> Selector,
    IReadOnlyList<ServicePort> Ports,
    string Type = "ClusterIP",
    string? ClusterIP = null);
