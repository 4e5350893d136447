namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>PodSecurityContext</c>.</summary>
public sealed record PodSecurityContext(
    bool? RunAsNonRoot = null,
    long? RunAsUser = null,
    long? RunAsGroup = null,
    long? FsGroup = null,
    SeccompProfile? SeccompProfile = null);
