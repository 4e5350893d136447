namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>PodSpec</c>: the fields ArgoFlow writes.</summary>
public sealed record PodSpec(
    IReadOnlyList<Container> Containers,
    string? ServiceAccountName = null,
    bool? AutomountServiceAccountToken = null,
    PodSecurityContext? SecurityContext = null,
    int? TerminationGracePeriodSeconds = null,
    IReadOnlyList<Volume>? Volumes = null,
    IReadOnlyList<TopologySpreadConstraint>? TopologySpreadConstraints = null);
