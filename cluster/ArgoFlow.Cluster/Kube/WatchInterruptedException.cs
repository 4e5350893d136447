namespace ArgoFlow.Cluster.Kube;

/// <summary>The watch connection broke mid-stream; the watcher reconnects from the last resourceVersion.</summary>
public sealed class WatchInterruptedException : Exception
{
    public WatchInterruptedException(Exception inner)
        : base("the watch connection was interrupted", inner)
    {
    }

    public WatchInterruptedException()
    {
    }

    public WatchInterruptedException(string message)
        : base(message)
    {
    }

    public WatchInterruptedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
