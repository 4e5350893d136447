namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>LabelSelector</c>.</summary>
public sealed record LabelSelector(
    IReadOnlyDictionary<string, string>? MatchLabels = null,
    IReadOnlyList<LabelSelectorRequirement>? MatchExpressions = null);
