namespace ArgoFlow.Cluster.Argo;

/// <summary>
/// Argo <c>io.argoproj.workflow.v1alpha1.WorkflowTemplate</c> as read back from a cluster: submit only needs its
/// name, labels and declared arguments (to reject unknown parameter names before creating anything).
/// </summary>
public sealed record WorkflowTemplate
{
    public string ApiVersion { get; init; } = Workflow.ApiVersionValue;

    public string Kind { get; init; } = "WorkflowTemplate";

    public ObjectMeta Metadata { get; init; } = new();

    public WorkflowSpec Spec { get; init; } = new();
}
