namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>CrossVersionObjectReference</c> (autoscaling/v2): the object an autoscaler scales.</summary>
public sealed record CrossVersionObjectReference(string ApiVersion, string Kind, string Name);
