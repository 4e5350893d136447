namespace ArgoFlow.Agent.Dispatch;

/// <summary>The workflow a task belongs to, as Argo's agent knows it (namespace, name, uid), for plugins and secrets.</summary>
public sealed record TaskContext(string Namespace, string WorkflowName, string WorkflowUid, string NodeId);
