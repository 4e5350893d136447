namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>TopologySpreadConstraint</c> (core/v1): the fields ArgoFlow writes.</summary>
public sealed record TopologySpreadConstraint(
    int MaxSkew,
    string TopologyKey,
    string WhenUnsatisfiable,
    LabelSelector LabelSelector,
    IReadOnlyList<string>? MatchLabelKeys = null);
