namespace ArgoFlow.Cluster.Watch;

/// <summary>How hard a watch tries to stay connected.</summary>
public sealed record WatchSettings
{
    /// <summary>Consecutive failed reconnects before giving up. Default 10.</summary>
    public int MaxReconnectAttempts { get; init; } = 10;

    /// <summary>First pause before a reconnect, doubled each failure up to <see cref="MaxBackoff"/>. Default 200 ms.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest pause between reconnects. Default 5 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);
}
