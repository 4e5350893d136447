namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>DAGTask</c>: a call of a template inside a DAG.</summary>
public sealed record DagTask(
    string Name,
    string Template,
    IReadOnlyList<string>? Dependencies = null,
    Arguments? Arguments = null);
