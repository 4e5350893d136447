namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>ObjectFieldSelector</c>: a field of the pod itself, e.g. <c>metadata.namespace</c>.</summary>
public sealed record ObjectFieldSelector(string FieldPath);
