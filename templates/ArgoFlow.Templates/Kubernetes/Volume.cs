namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>Volume</c> (only emptyDir is used).</summary>
public sealed record Volume(
    string Name,
    EmptyDirVolumeSource EmptyDir);
