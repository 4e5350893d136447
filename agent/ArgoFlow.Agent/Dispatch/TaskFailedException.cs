namespace ArgoFlow.Agent.Dispatch;

/// <summary>A task failed for a reason its node should show (Argo puts the error's text in the node's message).</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string message)
        : base(message)
    {
    }

    public TaskFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TaskFailedException()
    {
    }
}
