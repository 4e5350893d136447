namespace ArgoFlow.Agent.Dispatch;

/// <summary>Everything the dispatcher reacts to, in one queue so its state has a single writer.</summary>
internal abstract record DispatchEvent;
