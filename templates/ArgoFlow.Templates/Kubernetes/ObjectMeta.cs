namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>ObjectMeta</c>: the fields ArgoFlow writes.</summary>
public sealed record ObjectMeta(
    string? Name = null,
    string? GenerateName = null,
    string? Namespace = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, string>? Annotations = null);
