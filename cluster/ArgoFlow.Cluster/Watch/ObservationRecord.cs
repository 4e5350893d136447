namespace ArgoFlow.Cluster.Watch;

/// <summary>The client-observed times of one workflow as stored on disk for a later `argoflow get`.</summary>
public sealed record ObservationRecord(
    string Name,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyDictionary<string, ObservedStep> Steps)
{
    public TimeSpan? WallTime => SubmittedAt is { } s && CompletedAt is { } c ? c - s : null;
}
