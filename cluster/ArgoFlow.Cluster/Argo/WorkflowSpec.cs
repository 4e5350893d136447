namespace ArgoFlow.Cluster.Argo;

/// <summary>
/// The part of Argo's <c>io.argoproj.workflow.v1alpha1.WorkflowSpec</c> that submit writes and get/bench read.
/// Workflows with their own templates are sent as read from the file, never round-tripped through this type.
/// </summary>
public sealed record WorkflowSpec
{
    public string? Entrypoint { get; init; }

    public WorkflowTemplateRef? WorkflowTemplateRef { get; init; }

    public Arguments? Arguments { get; init; }

    public string? ServiceAccountName { get; init; }
}
