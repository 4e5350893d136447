namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>ServicePort</c>; <see cref="TargetPort"/> names the container port.</summary>
public sealed record ServicePort(
    string Name,
    int Port,
    string TargetPort,
    string Protocol = "TCP",
    string? AppProtocol = null);
