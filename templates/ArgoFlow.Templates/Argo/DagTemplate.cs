namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>DAGTemplate</c>: tasks that run when their dependencies have succeeded.</summary>
public sealed record DagTemplate(
    IReadOnlyList<DagTask> Tasks);
