using ArgoFlow.Templates.Kubernetes;

namespace ArgoFlow.Templates.Manifests;

/// <summary>
/// The "restricted" Pod Security Standard for every ArgoFlow container: non-root, read-only root filesystem
/// (scratch space is an emptyDir on /tmp), no privilege escalation, all capabilities dropped, RuntimeDefault seccomp.
/// </summary>
public static class PodSecurity
{
    /// <summary>A fixed non-root uid/gid, so files on emptyDir volumes are writable without running as root.</summary>
    public const long UserId = 10001;

    public static SeccompProfile RuntimeDefault { get; } = new("RuntimeDefault");

    public static SecurityContext Container { get; } = new(
        AllowPrivilegeEscalation: false,
        ReadOnlyRootFilesystem: true,
        RunAsNonRoot: true,
        RunAsUser: UserId,
        Capabilities: new Capabilities(["ALL"]),
        SeccompProfile: RuntimeDefault);

    public static PodSecurityContext Pod { get; } = new(true, UserId, UserId, UserId, RuntimeDefault);
}
