using YamlDotNet.Serialization;

namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>ContainerPort</c> (<see cref="Port"/> is written as <c>containerPort</c>).</summary>
public sealed record ContainerPort(
    string Name,
    [property: YamlMember(Alias = "containerPort")] int Port,
    string Protocol = "TCP");
