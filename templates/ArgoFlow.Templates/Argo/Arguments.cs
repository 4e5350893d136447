namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>Arguments</c>: values passed to a workflow or a DAG task.</summary>
public sealed record Arguments(
    IReadOnlyList<Parameter>? Parameters = null);
