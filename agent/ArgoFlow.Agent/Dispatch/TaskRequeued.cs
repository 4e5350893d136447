namespace ArgoFlow.Agent.Dispatch;

/// <summary>A requeued task's wait is over: run it again if it is still wanted.</summary>
internal sealed record TaskRequeued(TaskSetKey Key, string Uid, string NodeId) : DispatchEvent;
