namespace ArgoFlow.Cluster.Argo;

/// <summary>Argo <c>io.argoproj.workflow.v1alpha1.WorkflowTemplateRef</c>: the template a workflow runs.</summary>
public sealed record WorkflowTemplateRef
{
    public required string Name { get; init; }

    public bool? ClusterScope { get; init; }
}
