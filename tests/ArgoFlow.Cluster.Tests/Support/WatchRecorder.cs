using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Watch;
using ArgoFlow.TestSupport.Waits;

namespace ArgoFlow.Cluster.Tests.Support;

/// <summary>An <see cref="IWatchObserver"/> that records every snapshot and notice and lets a test wait for one.</summary>
internal sealed class WatchRecorder : IWatchObserver
{
    private readonly Lock _lock = new();
    private readonly List<WorkflowSnapshot> _snapshots = [];
    private readonly List<string> _notices = [];
    private readonly List<(Func<WorkflowSnapshot, bool> Condition, TaskCompletionSource Done)> _waiting = [];

    public IReadOnlyList<WorkflowSnapshot> Snapshots
    {
        get
        {
            lock (_lock)
            {
                return [.. _snapshots];
            }
        }
    }

    public IReadOnlyList<string> Notices
    {
        get
        {
            lock (_lock)
            {
                return [.. _notices];
            }
        }
    }

    public int Count => Snapshots.Count;

    public IEnumerable<string?> Phases => Snapshots.Select(s => s.Phase);

    public void OnUpdate(WorkflowSnapshot snapshot)
    {
        lock (_lock)
        {
            _snapshots.Add(snapshot);
            foreach (var w in _waiting.Where(w => w.Condition(snapshot)).ToList())
            {
                w.Done.TrySetResult();
                _waiting.Remove(w);
            }
        }
    }

    public void OnNotice(string message)
    {
        lock (_lock)
        {
            _notices.Add(message);
        }
    }

    public Task WaitForAsync(Func<WorkflowSnapshot, bool> condition)
    {
        lock (_lock)
        {
            if (_snapshots.Any(condition))
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((condition, done));
            return done.Task.WithinAsync("a watched workflow snapshot that meets the test's condition");
        }
    }

    public Task WaitForNoticeAsync(string text) =>
        Wait.UntilAsync(() => Notices.Any(n => n.Contains(text, StringComparison.Ordinal)), $"a watch notice containing \"{text}\"");
}
