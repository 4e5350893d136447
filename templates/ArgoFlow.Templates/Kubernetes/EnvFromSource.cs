namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>EnvFromSource</c>: every key of a Secret as an environment variable.</summary>
public sealed record EnvFromSource(SecretEnvSource SecretRef);
