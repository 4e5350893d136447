namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes container <c>SecurityContext</c>.</summary>
public sealed record SecurityContext(
    bool? AllowPrivilegeEscalation = null,
    bool? ReadOnlyRootFilesystem = null,
    bool? RunAsNonRoot = null,
    long? RunAsUser = null,
    Capabilities? Capabilities = null,
    SeccompProfile? SeccompProfile = null);
