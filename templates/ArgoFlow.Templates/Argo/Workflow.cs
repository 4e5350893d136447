using ArgoFlow.Templates.Kubernetes;

namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>Workflow</c> (argoproj.io/v1alpha1); ArgoFlow submits ones that reference a WorkflowTemplate.</summary>
public sealed record Workflow(
    string ApiVersion,
    string Kind,
    ObjectMeta Metadata,
    WorkflowSpec Spec)
{
    public static Workflow Create(ObjectMeta metadata, WorkflowSpec spec) =>
        new(ArgoApi.Version, "Workflow", metadata, spec);
}
