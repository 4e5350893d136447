using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Kube;

namespace ArgoFlow.Cluster.Watch;

/// <summary>
/// Client-observed times: when this client sent the create, first saw each step running and completed, and saw the
/// workflow finish. Status times have 1-second resolution; these show sub-second work. Forwards every update.
/// </summary>
public sealed class WorkflowObservation : IWatchObserver
{
    private readonly TimeProvider _time;
    private readonly IWatchObserver? _next;
    private readonly Dictionary<string, ObservedStep> _steps = new(StringComparer.Ordinal);

    public WorkflowObservation(TimeProvider time, IWatchObserver? next = null, DateTimeOffset? submittedAt = null)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _next = next;
        SubmittedAt = submittedAt;
    }

    /// <summary>When the create request was sent; null when the workflow was started elsewhere.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public IReadOnlyDictionary<string, ObservedStep> Steps => _steps;

    /// <summary>Client wall time from the create request to seeing a final phase.</summary>
    public TimeSpan? WallTime => SubmittedAt is { } s && CompletedAt is { } c ? c - s : null;

    public void OnUpdate(WorkflowSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var now = _time.GetUtcNow();
        foreach (var (id, node) in snapshot.Workflow.Status?.Nodes ?? new Dictionary<string, NodeStatus>())
        {
            if (!node.IsStep)
            {
                continue;
            }

            var step = _steps.TryGetValue(id, out var known) ? known : new ObservedStep(node.DisplayName ?? id, null, null);
            if (step.FirstSeenRunning is null && node.Phase is WorkflowPhase.Running or WorkflowPhase.Pending)
            {
                step = step with { FirstSeenRunning = now };
            }

            if (step.SeenCompleted is null && WorkflowPhase.IsNodeCompleted(node.Phase))
            {
                step = step with { SeenCompleted = now };
            }

            _steps[id] = step;
        }

        if (CompletedAt is null && snapshot.IsCompleted)
        {
            CompletedAt = now;
        }

        _next?.OnUpdate(snapshot);
    }

    public void OnNotice(string message) => _next?.OnNotice(message);

    public ObservationRecord ToRecord(string name) => new(name, SubmittedAt, CompletedAt, _steps.ToDictionary());
}
