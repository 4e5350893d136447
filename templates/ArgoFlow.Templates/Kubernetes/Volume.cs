namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>Volume</c>: an emptyDir (scratch space) or a Secret (TLS files).</summary>
public sealed record Volume(
    string Name,
    EmptyDirVolumeSource? EmptyDir = null,
    SecretVolumeSource? Secret = null);
