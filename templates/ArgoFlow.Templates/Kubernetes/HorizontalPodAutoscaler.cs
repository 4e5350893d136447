namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>HorizontalPodAutoscaler</c> (autoscaling/v2).</summary>
public sealed record HorizontalPodAutoscaler(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    HorizontalPodAutoscalerSpec Spec)
{
    public static HorizontalPodAutoscaler Create(ObjectMeta metadata, HorizontalPodAutoscalerSpec spec) =>
        new("autoscaling/v2", "HorizontalPodAutoscaler", metadata, spec);
}
