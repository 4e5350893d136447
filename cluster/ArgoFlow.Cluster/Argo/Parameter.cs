namespace ArgoFlow.Cluster.Argo;

/// <summary>Argo <c>io.argoproj.workflow.v1alpha1.Parameter</c>: a named string value (inputs, arguments, outputs).</summary>
public sealed record Parameter
{
    public required string Name { get; init; }

    public string? Value { get; init; }

    public string? Default { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }
}
