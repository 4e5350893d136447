using ArgoFlow.Cluster.TaskSets;

namespace ArgoFlow.Agent.Dispatch;

/// <summary>
/// What the watch saw: a TaskSet added or modified (<see cref="TaskSet"/>), deleted (<see cref="Deleted"/>), or
/// the whole current list of a scope after a (re)list (<see cref="Listed"/>, <see cref="Scope"/> "" for all
/// namespaces: anything tracked in that scope and not listed was deleted while the watch was away).
/// </summary>
internal sealed record TaskSetChange(WorkflowTaskSet? TaskSet, TaskSetKey? Deleted, string? Scope, IReadOnlyList<WorkflowTaskSet>? Listed)
    : DispatchEvent;
