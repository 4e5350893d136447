namespace ArgoFlow.Cluster.Watch;

/// <summary>When this client first saw a step pending/running and first saw it completed (null: never seen).</summary>
public sealed record ObservedStep(string DisplayName, DateTimeOffset? FirstSeenRunning, DateTimeOffset? SeenCompleted)
{
    /// <summary>Observed duration; only meaningful when the step was seen both before and after it ran.</summary>
    public TimeSpan? Duration => FirstSeenRunning is { } r && SeenCompleted is { } c ? c - r : null;
}
