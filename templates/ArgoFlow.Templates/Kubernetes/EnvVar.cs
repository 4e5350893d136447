namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>EnvVar</c>: a literal value, or one key of a Secret.</summary>
public sealed record EnvVar(
    string Name,
    string? Value = null,
    EnvVarSource? ValueFrom = null);

/// <summary>Kubernetes <c>EnvVarSource</c>: one key of a Secret, or a field of the pod (downward API).</summary>
public sealed record EnvVarSource(SecretKeySelector? SecretKeyRef = null, ObjectFieldSelector? FieldRef = null);

/// <summary>Kubernetes <c>SecretKeySelector</c>.</summary>
public sealed record SecretKeySelector(string Name, string Key);
