using System.Collections.Concurrent;
using System.Threading.Channels;
using ArgoFlow.Agent.Hosting;
using ArgoFlow.Agent.Patching;
using ArgoFlow.Cluster.TaskSets;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Agent.Dispatch;

/// <summary>
/// Decides what runs: for every task of a served TaskSet with no final result in <c>status.nodes</c> and not
/// already running, waiting or done here, it starts the task (at most <see cref="AgentOptions.Workers"/> at once)
/// and hands the result to the patcher. A completed or deleted TaskSet gets no more work and its tasks in flight
/// are cancelled. One reader owns the state; watches, finished tasks and requeue timers post to its queue.
/// </summary>
internal sealed class TaskDispatcher : IDisposable
{
    private readonly Channel<DispatchEvent> _events = Channel.CreateUnbounded<DispatchEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<TaskSetKey, TrackedTaskSet> _sets = [];
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly TaskExecutor _executor;
    private readonly ResultPatcher _patcher;
    private readonly SemaphoreSlim _workers;
    private readonly AgentOptions _options;
    private readonly AgentMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<CancellationTokenSource, bool> _live = new();
    private readonly CancellationTokenRegistration _onAbort;

    public TaskDispatcher(TaskExecutor executor, ResultPatcher patcher, AgentOptions options, AgentMetrics metrics, ILogger logger, CancellationToken abort)
    {
        _executor = executor;
        _patcher = patcher;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _workers = new SemaphoreSlim(options.Workers);
        _onAbort = abort.Register(CancelAll);
    }

    public ChannelWriter<DispatchEvent> Events => _events.Writer;

    /// <summary>Handles events until <paramref name="stop"/>; tasks already running keep running (see <see cref="DrainAsync"/>).</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var evt in _events.Reader.ReadAllAsync(stop).ConfigureAwait(false))
            {
                Handle(evt);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits for the tasks in flight (cancelling those still running after the timeout) and patches their results.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var running = Task.WhenAll(_running.Keys);
        AgentLog.Draining(_logger, _running.Count, timeout.TotalMilliseconds);
        if (await Task.WhenAny(running, Task.Delay(timeout, _options.TimeProvider)).ConfigureAwait(false) != running)
        {
            CancelAll();
        }

        await running.ConfigureAwait(false);
        await _patcher.FlushAsync().ConfigureAwait(false);
        CancelAll();
    }

    private void Handle(DispatchEvent evt)
    {
        switch (evt)
        {
            case TaskSetChange { Listed: { } listed, Scope: { } scope }:
                var keep = listed.Select(t => new TaskSetKey(t.Namespace, t.Name)).ToHashSet();
                foreach (var key in _sets.Keys.Where(k => (scope.Length == 0 || k.Namespace == scope) && !keep.Contains(k)).ToList())
                {
                    Close(key, "was deleted");
                }

                listed.ToList().ForEach(Upsert);
                break;
            case TaskSetChange { TaskSet: { } taskSet }:
                Upsert(taskSet);
                break;
            case TaskSetChange { Deleted: { } deleted }:
                Close(deleted, "was deleted");
                break;
            case TaskFinished finished:
                Finished(finished);
                break;
            case TaskRequeued requeued:
                Requeued(requeued);
                break;
        }
    }

    private void Upsert(WorkflowTaskSet taskSet)
    {
        var key = new TaskSetKey(taskSet.Namespace, taskSet.Name);
        var uid = taskSet.Metadata.Uid ?? "";
        if (_sets.TryGetValue(key, out var tracked) && tracked.Uid != uid)
        {
            Close(key, "was re-created");
            tracked = null;
        }

        if (taskSet.IsCompleted)
        {
            if (tracked is not null)
            {
                Close(key, "is labelled completed");
            }

            return;
        }

        if (tracked is null)
        {
            tracked = new TrackedTaskSet(key, uid, taskSet);
            _sets[key] = tracked;
            _live[tracked.Cancellation] = true;
        }

        tracked.Latest = taskSet;
        foreach (var nodeId in tracked.Nodes.Where(n => n.Value == NodeState.Done && !taskSet.Tasks.ContainsKey(n.Key)).Select(n => n.Key).ToList())
        {
            tracked.Nodes.Remove(nodeId);
        }

        foreach (var problem in taskSet.Problems)
        {
            var nodeId = problem[..problem.IndexOf('\t', StringComparison.Ordinal)];
            if (!tracked.Nodes.ContainsKey(nodeId) && taskSet.Nodes.GetValueOrDefault(nodeId)?.IsFinal != true)
            {
                tracked.Nodes[nodeId] = NodeState.Done;
                _patcher.Enqueue(key, nodeId, new NodeResult { Phase = "Error", Message = "error processing task: " + problem[(nodeId.Length + 1)..] }, _options.TimeProvider.GetTimestamp());
            }
        }

        foreach (var (nodeId, task) in taskSet.Tasks)
        {
            if (!tracked.Nodes.ContainsKey(nodeId) && taskSet.Nodes.GetValueOrDefault(nodeId)?.IsFinal != true)
            {
                Start(tracked, task);
            }
        }
    }

    private void Start(TrackedTaskSet tracked, TaskSetTask task)
    {
        tracked.Nodes[task.NodeId] = NodeState.Running;
        var context = new TaskContext(tracked.Key.Namespace, tracked.Key.Name, tracked.Latest.WorkflowUid ?? "", task.NodeId);
        var run = Task.Run(() => RunTaskAsync(tracked.Key, tracked.Uid, context, task, _options.TimeProvider.GetTimestamp(), tracked.Cancellation.Token));
        _running[run] = true;
        run.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task RunTaskAsync(TaskSetKey key, string uid, TaskContext context, TaskSetTask task, long seenAt, CancellationToken cancellationToken)
    {
        var requeue = TimeSpan.Zero;
        try
        {
            await _workers.WaitAsync(cancellationToken).ConfigureAwait(false);
            TaskOutcome outcome;
            try
            {
                using var _ = _metrics.TrackInFlight();
                AgentLog.TaskStarted(_logger, key.ToString(), task.NodeId, task.Type);
                outcome = await _executor.ExecuteAsync(context, task, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _workers.Release();
            }

            cancellationToken.ThrowIfCancellationRequested();
            _metrics.Executed(task.Type, outcome.Result?.Phase);
            AgentLog.TaskFinished(_logger, key.ToString(), task.NodeId, task.Type, outcome.Result?.Phase, outcome.Result?.Message, outcome.Requeue.TotalMilliseconds);
            if (outcome.Result is { Phase.Length: > 0 } result)
            {
                _patcher.Enqueue(key, task.NodeId, result, seenAt);
            }

            requeue = outcome.Requeue;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A bug in one task must still report the node, as Argo's taskWorker does.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AgentLog.TaskCrashed(_logger, key.ToString(), task.NodeId, ex.ToString());
            _patcher.Enqueue(key, task.NodeId, new NodeResult { Phase = "Error", Message = $"error processing task: {ex.Message}" }, seenAt);
        }

        _events.Writer.TryWrite(new TaskFinished(key, uid, task.NodeId, requeue));
    }

    private void Finished(TaskFinished finished)
    {
        if (!_sets.TryGetValue(finished.Key, out var tracked) || tracked.Uid != finished.Uid)
        {
            return;
        }

        if (finished.Requeue <= TimeSpan.Zero)
        {
            tracked.Nodes[finished.NodeId] = NodeState.Done;
            return;
        }

        tracked.Nodes[finished.NodeId] = NodeState.WaitingForRequeue;
        var token = tracked.Cancellation.Token;
        _ = Task.Delay(finished.Requeue, _options.TimeProvider, token).ContinueWith(
            t => { if (!t.IsCanceled) { _events.Writer.TryWrite(new TaskRequeued(finished.Key, finished.Uid, finished.NodeId)); } },
            TaskScheduler.Default);
    }

    private void Requeued(TaskRequeued requeued)
    {
        if (!_sets.TryGetValue(requeued.Key, out var tracked) || tracked.Uid != requeued.Uid ||
            tracked.Nodes.GetValueOrDefault(requeued.NodeId) != NodeState.WaitingForRequeue)
        {
            return;
        }

        tracked.Nodes.Remove(requeued.NodeId);
        if (tracked.Latest.Tasks.TryGetValue(requeued.NodeId, out var task) && tracked.Latest.Nodes.GetValueOrDefault(requeued.NodeId)?.IsFinal != true)
        {
            Start(tracked, task);
        }
    }

    private void Close(TaskSetKey key, string why)
    {
        if (!_sets.Remove(key, out var tracked))
        {
            return;
        }

        var running = tracked.Running;
        tracked.Cancellation.Cancel();
        _live.TryRemove(tracked.Cancellation, out _);
        _patcher.Forget(key);
        AgentLog.TaskSetClosed(_logger, key.ToString(), why, running);
    }

    private void CancelAll()
    {
        foreach (var source in _live.Keys)
        {
            source.Cancel();
        }
    }

    // The semaphore is not disposed: after a kill, cancelled tasks may still be leaving WaitAsync, and it holds no
    // handle unless AvailableWaitHandle is used.
    public void Dispose() => _onAbort.Dispose();
}
