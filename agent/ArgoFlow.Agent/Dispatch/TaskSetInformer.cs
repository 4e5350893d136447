using System.Text.Json.Nodes;
using System.Threading.Channels;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.TaskSets;
using ArgoFlow.Cluster.Watch;
using ArgoFlow.Core.Errors;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Agent.Dispatch;

/// <summary>
/// Lists and watches the WorkflowTaskSets of one namespace (or all) like the workflow watcher: list, then watch
/// from the list's resourceVersion; when the stream ends or breaks, or the server answers 429/5xx, wait (backoff,
/// or the server's Retry-After) and resume from the last resourceVersion seen (bookmarks included); on 410 Gone
/// list again. An agent never gives up on a transient error; 401, 403 and 404 end it with the reason.
/// </summary>
internal sealed class TaskSetInformer
{
    private readonly KubeApiClient _api;
    private readonly string? _namespace;
    private readonly AgentOptions _options;
    private readonly ChannelWriter<DispatchEvent> _output;
    private readonly ILogger _logger;

    public TaskSetInformer(KubeApiClient api, string? ns, AgentOptions options, ChannelWriter<DispatchEvent> output, ILogger logger)
    {
        _api = api;
        _namespace = ns;
        _options = options;
        _output = output;
        _logger = logger;
    }

    public string Scope => _namespace ?? "all namespaces";

    private string CollectionPath => _namespace is null
        ? $"{ResourceTypes.WorkflowTaskSet.GroupVersionPath}/{ResourceTypes.WorkflowTaskSet.Plural}"
        : ResourceTypes.WorkflowTaskSet.CollectionPath(_namespace);

    /// <summary>Runs until cancelled; <paramref name="listed"/> completes after the first list was handed over.</summary>
    public async Task RunAsync(TaskCompletionSource listed, CancellationToken cancellationToken)
    {
        string? version = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (version is null)
                {
                    version = await ListAsync(cancellationToken).ConfigureAwait(false);
                    listed.TrySetResult();
                }

                await foreach (var evt in _api.WatchAsync(CollectionPath, null, version, cancellationToken).ConfigureAwait(false))
                {
                    failures = 0;
                    version = await HandleAsync(evt, cancellationToken).ConfigureAwait(false) ?? version;
                }
            }
            catch (KubeApiException ex) when (ex.Code == 410 && !cancellationToken.IsCancellationRequested)
            {
                AgentLog.WatchExpired(_logger, Scope, ex.Status.Message);
                version = null;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && WatchRetry.IsTransient(ex))
            {
                failures++;
                var delay = WatchRetry.Delay(_options.Watch, failures, ex);
                AgentLog.WatchRetry(_logger, Scope, ex.Message, version, delay.TotalMilliseconds);
                await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<string?> ListAsync(CancellationToken cancellationToken)
    {
        var list = await _api.GetAsync(CollectionPath, cancellationToken).ConfigureAwait(false);
        var items = (list["items"] as JsonArray)?.OfType<JsonObject>().Select(WorkflowTaskSet.From).ToList() ?? [];
        var version = (string?)list["metadata"]?["resourceVersion"];
        AgentLog.Listed(_logger, Scope, items.Count, version);
        await _output.WriteAsync(new TaskSetChange(null, null, _namespace ?? "", items), cancellationToken).ConfigureAwait(false);
        return version;
    }

    /// <summary>Hands the event on; returns the resourceVersion to resume from.</summary>
    private async Task<string?> HandleAsync(KubeWatchEvent evt, CancellationToken cancellationToken)
    {
        switch (evt.Type)
        {
            case "ADDED":
            case "MODIFIED":
                await _output.WriteAsync(new TaskSetChange(WorkflowTaskSet.From(evt.Payload), null, null, null), cancellationToken).ConfigureAwait(false);
                return evt.ResourceVersion;
            case "DELETED":
                var gone = WorkflowTaskSet.From(evt.Payload);
                await _output.WriteAsync(new TaskSetChange(null, new TaskSetKey(gone.Namespace, gone.Name), null, null), cancellationToken).ConfigureAwait(false);
                return evt.ResourceVersion;
            case "BOOKMARK":
                return evt.ResourceVersion;
            case "ERROR":
                var status = KubeStatus.FromNode(evt.Payload, 500);
                throw new KubeApiException(status, $"watching TaskSets in {Scope} failed: {status.Message} ({status.Code})");
            default:
                return null;
        }
    }
}
