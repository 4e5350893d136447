namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>VolumeMount</c>.</summary>
public sealed record VolumeMount(
    string Name,
    string MountPath,
    bool? ReadOnly = null);
