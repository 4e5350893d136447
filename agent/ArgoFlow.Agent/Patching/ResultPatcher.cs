using System.Collections.Concurrent;
using ArgoFlow.Agent.Dispatch;
using ArgoFlow.Agent.Hosting;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.TaskSets;
using ArgoFlow.Core.Errors;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Agent.Patching;

/// <summary>
/// Reports results: per TaskSet, the results that arrive within <see cref="AgentOptions.PatchWindow"/> go out as
/// one merge patch of <c>status.nodes</c> on the status subresource (Argo's patchWorker, with a window of
/// milliseconds instead of its 10 s ticker). Transient API errors are retried with backoff for as long as the
/// TaskSet is served; a refused patch is replaced by Error results carrying Argo's message, so the workflow never
/// waits for a result that will not come. Only a deleted TaskSet, or an Error result refused too, drops results -
/// logged and counted, never silently.
/// </summary>
internal sealed class ResultPatcher
{
    public const string RefusedPrefix = "HTTP request completed successfully but an error occurred when patching its result: ";
    private readonly KubeApiClient _api;
    private readonly AgentOptions _options;
    private readonly AgentMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<TaskSetKey, PatchBatch> _batches = new();
    private readonly CancellationToken _abort;

    public ResultPatcher(KubeApiClient api, AgentOptions options, AgentMetrics metrics, ILogger logger, CancellationToken abort)
    {
        _api = api;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _abort = abort;
    }

    public void Enqueue(TaskSetKey key, string nodeId, NodeResult result, long seenAt)
    {
        var batch = _batches.GetOrAdd(key, _ => new PatchBatch());
        lock (batch)
        {
            batch.Pending[nodeId] = (result, seenAt);
            batch.Forgotten = false;
            batch.Flusher ??= FlushLoopAsync(key, batch);
        }
    }

    /// <summary>The TaskSet was deleted or completed: its pending results are no longer wanted.</summary>
    public void Forget(TaskSetKey key)
    {
        if (_batches.TryGetValue(key, out var batch))
        {
            lock (batch)
            {
                if (batch.Pending.Count > 0)
                {
                    Drop(key, batch.Pending.Keys.ToList(), "the TaskSet was deleted or completed before they were patched");
                }

                batch.Pending.Clear();
                batch.Forgotten = true;
            }
        }
    }

    /// <summary>Waits until every result handed over so far has been patched (or dropped with a log line).</summary>
    public async Task FlushAsync()
    {
        while (true)
        {
            var flushers = _batches.Values.Select(b => { lock (b) { return b.Flusher; } }).OfType<Task>().ToList();
            if (flushers.Count == 0)
            {
                return;
            }

            await Task.WhenAll(flushers).ConfigureAwait(false);
        }
    }

    private async Task FlushLoopAsync(TaskSetKey key, PatchBatch batch)
    {
        await Task.Yield();
        try
        {
            if (_options.PatchWindow > TimeSpan.Zero)
            {
                await Task.Delay(_options.PatchWindow, _options.TimeProvider, _abort).ConfigureAwait(false);
            }

            while (true)
            {
                Dictionary<string, (NodeResult Result, long SeenAt)> results;
                lock (batch)
                {
                    if (batch.Pending.Count == 0 || batch.Forgotten)
                    {
                        batch.Flusher = null;
                        return;
                    }

                    results = new Dictionary<string, (NodeResult, long)>(batch.Pending, StringComparer.Ordinal);
                    batch.Pending.Clear();
                }

                await PatchAsync(key, batch, results).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            lock (batch)
            {
                batch.Flusher = null;
            }
        }
    }

    private async Task PatchAsync(TaskSetKey key, PatchBatch batch, Dictionary<string, (NodeResult Result, long SeenAt)> results)
    {
        var path = ResourceTypes.WorkflowTaskSet.ItemPath(key.Namespace, key.Name) + "/status";
        var refused = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var patch = WorkflowTaskSet.StatusPatch(results.Select(r => KeyValuePair.Create(r.Key, r.Value.Result)));
                await _api.MergePatchAsync(path, patch, _abort).ConfigureAwait(false);
                _metrics.Patched(refused ? "error_marked" : "ok", results.Count);
                foreach (var (_, seenAt) in results.Values)
                {
                    _metrics.ResultLatency(_options.TimeProvider.GetElapsedTime(seenAt));
                }

                return;
            }
            catch (KubeApiException ex) when (ex.Code == 404)
            {
                Drop(key, results.Keys.ToList(), $"the TaskSet is gone ({ex.Status.Message})");
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && !_abort.IsCancellationRequested)
            {
                if (Volatile.Read(ref batch.Forgotten))
                {
                    Drop(key, results.Keys.ToList(), "the TaskSet was deleted or completed while the patch was retried");
                    return;
                }

                var delay = Backoff(attempt);
                _metrics.Patched("retried", results.Count);
                AgentLog.PatchRetry(_logger, results.Count, key.ToString(), ex.Message, attempt, delay.TotalMilliseconds);
                await Task.Delay(delay, _options.TimeProvider, _abort).ConfigureAwait(false);
            }
            catch (KubeApiException ex) when (!refused)
            {
                // Argo's reasoning: a permanent refusal is most likely caused by the results themselves, so
                // report Error with the reason rather than leave the workflow waiting for ever.
                AgentLog.PatchRefused(_logger, results.Count, key.ToString(), ex.Status.Message);
                var error = new NodeResult { Phase = "Error", Message = RefusedPrefix + ex.Status.Message };
                results = results.ToDictionary(r => r.Key, r => (error, r.Value.SeenAt), StringComparer.Ordinal);
                refused = true;
            }
            catch (KubeApiException ex)
            {
                Drop(key, results.Keys.ToList(), $"even the Error result was refused: {ex.Status.Message}");
                return;
            }
        }
    }

    private void Drop(TaskSetKey key, List<string> nodes, string problem)
    {
        _metrics.Dropped(nodes.Count);
        _metrics.Patched("dropped", nodes.Count);
        AgentLog.ResultsDropped(_logger, nodes.Count, key.ToString(), string.Join(",", nodes), problem);
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        KubeApiException api => api.Status.IsTransient || api.Code == 409,
        ArgoFlowException { ExitCode: ExitCode.Unavailable } => true,
        HttpRequestException or IOException => true,
        _ => false,
    };

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(
            _options.PatchRetryInitial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16)),
            _options.PatchRetryMax.TotalMilliseconds));
}
