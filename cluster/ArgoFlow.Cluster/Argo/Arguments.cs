namespace ArgoFlow.Cluster.Argo;

/// <summary>Argo <c>io.argoproj.workflow.v1alpha1.Arguments</c>: the parameters a workflow is started with.</summary>
public sealed record Arguments
{
    public IReadOnlyList<Parameter>? Parameters { get; init; }
}
