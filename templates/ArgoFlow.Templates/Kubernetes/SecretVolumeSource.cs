namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>SecretVolumeSource</c>; <see cref="Items"/> limits the files to the keys named.</summary>
public sealed record SecretVolumeSource(
    string SecretName,
    IReadOnlyList<KeyToPath>? Items = null);

/// <summary>Kubernetes <c>KeyToPath</c>: one key of a Secret as a file.</summary>
public sealed record KeyToPath(string Key, string Path);
