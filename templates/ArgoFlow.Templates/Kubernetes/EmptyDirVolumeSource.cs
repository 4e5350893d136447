namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>EmptyDirVolumeSource</c>.</summary>
public sealed record EmptyDirVolumeSource(
    string? SizeLimit = null);
