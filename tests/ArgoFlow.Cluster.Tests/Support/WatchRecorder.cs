using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Watch;

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
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async Task WaitForNoticeAsync(string text)
    {
        for (var i = 0; i < 3000 && !Notices.Any(n => n.Contains(text, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(10);
        }
    }
}
