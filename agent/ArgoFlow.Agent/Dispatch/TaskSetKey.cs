namespace ArgoFlow.Agent.Dispatch;

/// <summary>A TaskSet by namespace and name (the workflow's); the uid tells a re-created one apart.</summary>
public readonly record struct TaskSetKey(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}/{Name}";
}
