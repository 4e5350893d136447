namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>LabelSelectorRequirement</c>.</summary>
public sealed record LabelSelectorRequirement(
    string Key,
    string Operator,
    IReadOnlyList<string>? Values = null);
