using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Watch;

/// <summary>
/// Follows one workflow to a final phase with a Kubernetes watch (never polling): reads the current state, then
/// watches from its resourceVersion. As the Kubernetes API conventions ask of a watch client: when the stream ends
/// or breaks, or the server answers 429 or a transient 5xx (on the watch request or as an ERROR event), it waits
/// (exponential backoff, or the server's Retry-After up to <see cref="WatchSettings.MaxBackoff"/>) and resumes from
/// the last resourceVersion seen; on 410 Gone (that version was compacted away) it reads the object again and
/// watches from there. <see cref="WatchSettings.MaxReconnectAttempts"/> failures in a row end the watch.
/// </summary>
public sealed class WorkflowWatcher
{
    private readonly ArgoClient _client;
    private readonly TimeProvider _time;
    private readonly WatchSettings _settings;

    public WorkflowWatcher(ArgoClient client, TimeProvider time, WatchSettings? settings = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _settings = settings ?? new WatchSettings();
    }

    /// <summary>Returns the workflow once it is Succeeded, Failed or Error. Cancelling stops watching only.</summary>
    public async Task<WorkflowSnapshot> WatchAsync(string name, IWatchObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var current = await _client.GetWorkflowAsync(name, cancellationToken).ConfigureAwait(false);
        observer.OnUpdate(current);
        var failures = 0;
        string? expired = null;
        while (!current.IsCompleted)
        {
            var path = ResourceTypes.Workflow.CollectionPath(_client.Namespace);
            try
            {
                if (expired is not null)
                {
                    // Read inside the try, so a transient error while re-reading is retried like any other.
                    observer.OnNotice($"watch expired ({expired}); re-reading the workflow");
                    current = await _client.GetWorkflowAsync(name, cancellationToken).ConfigureAwait(false);
                    observer.OnUpdate(current);
                    expired = null;
                    continue;
                }

                await foreach (var evt in _client.Api.WatchAsync(path, $"metadata.name={name}", current.ResourceVersion, cancellationToken)
                                   .ConfigureAwait(false))
                {
                    failures = 0;
                    current = HandleEvent(name, evt, current, observer);
                    if (current.IsCompleted)
                    {
                        return current;
                    }
                }
            }
            catch (KubeApiException ex) when (ex.Code == 410 && !cancellationToken.IsCancellationRequested)
            {
                failures = CountFailure(name, failures, ex);
                expired = ex.Status.Message;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && WatchRetry.IsTransient(ex))
            {
                failures = CountFailure(name, failures, ex);
                var delay = WatchRetry.Delay(_settings, failures, ex);
                var what = ex is KubeApiException api ? $"watch answered {api.Code}" : "watch connection lost";
                observer.OnNotice($"{what} ({ex.Message}); resuming from resourceVersion {current.ResourceVersion} in {delay.TotalMilliseconds:0} ms");
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }

        return current;
    }

    /// <summary>One more failure in a row; past the limit the watch ends with the last error.</summary>
    private int CountFailure(string name, int failures, Exception ex)
    {
        failures++;
        if (failures > _settings.MaxReconnectAttempts)
        {
            throw new ArgoFlowException(
                ExitCode.Unavailable,
                $"lost the watch on workflow \"{name}\" after {failures - 1} reconnect attempts: {ex.Message}",
                $"the workflow keeps running; follow it with `argoflow get {name}`",
                ex);
        }

        return failures;
    }

    private static WorkflowSnapshot HandleEvent(string name, KubeWatchEvent evt, WorkflowSnapshot current, IWatchObserver observer)
    {
        switch (evt.Type)
        {
            case "ADDED":
            case "MODIFIED":
                var snapshot = WorkflowSnapshot.From(evt.Payload);
                observer.OnUpdate(snapshot);
                return snapshot;
            case "BOOKMARK":
                var version = evt.ResourceVersion;
                return version is null ? current : current with { Workflow = WithVersion(current, version) };
            case "DELETED":
                throw new ArgoFlowException(ExitCode.Failed, $"workflow \"{name}\" was deleted while it was being watched");
            case "ERROR":
                // 410 re-reads, 429/5xx resume after a pause, anything else ends the watch (see WatchAsync).
                var status = KubeStatus.FromNode(evt.Payload, 500);
                throw new KubeApiException(status, $"watching workflow \"{name}\" failed: {status.Message} ({status.Code})");
            default:
                return current;
        }
    }

    private static Argo.Workflow WithVersion(WorkflowSnapshot current, string version) =>
        current.Workflow with { Metadata = current.Workflow.Metadata with { ResourceVersion = version } };
}
