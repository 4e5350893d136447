namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>SecretEnvSource</c>; an optional Secret may be absent and the pod still starts.</summary>
public sealed record SecretEnvSource(string Name, bool? Optional = null);
