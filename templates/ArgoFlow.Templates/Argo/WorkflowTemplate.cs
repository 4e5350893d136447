using ArgoFlow.Templates.Kubernetes;

namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>WorkflowTemplate</c> (argoproj.io/v1alpha1): a reusable workflow definition.</summary>
public sealed record WorkflowTemplate(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    WorkflowSpec Spec)
{
    public static WorkflowTemplate Create(ObjectMeta metadata, WorkflowSpec spec) =>
        new(ArgoApi.Version, "WorkflowTemplate", metadata, spec);
}
