namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>Container</c> (also Argo's container template and the executor plugin sidecar).</summary>
public sealed record Container(
    string Name,
    string Image,
    string? ImagePullPolicy = null,
    IReadOnlyList<string>? Command = null,
    IReadOnlyList<string>? Args = null,
    IReadOnlyList<EnvVar>? Env = null,
    IReadOnlyList<EnvFromSource>? EnvFrom = null,
    IReadOnlyList<ContainerPort>? Ports = null,
    ResourceRequirements? Resources = null,
    Probe? StartupProbe = null,
    Probe? ReadinessProbe = null,
    Probe? LivenessProbe = null,
    SecurityContext? SecurityContext = null,
    IReadOnlyList<VolumeMount>? VolumeMounts = null);
