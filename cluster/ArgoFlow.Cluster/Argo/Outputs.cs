namespace ArgoFlow.Cluster.Argo;

/// <summary>Argo <c>io.argoproj.workflow.v1alpha1.Outputs</c>: a node's result (response body / stdout) and parameters.</summary>
public sealed record Outputs
{
    public string? Result { get; init; }

    public IReadOnlyList<Parameter>? Parameters { get; init; }

    public string? ExitCode { get; init; }
}
