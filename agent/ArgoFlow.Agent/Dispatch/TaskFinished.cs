namespace ArgoFlow.Agent.Dispatch;

/// <summary>A task ran (its result is already with the patcher); <see cref="Requeue"/> > 0 asks for another run.</summary>
internal sealed record TaskFinished(TaskSetKey Key, string Uid, string NodeId, TimeSpan Requeue) : DispatchEvent;
