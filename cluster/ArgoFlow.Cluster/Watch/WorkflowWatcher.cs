using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Watch;

/// <summary>
/// Follows one workflow to a final phase with a Kubernetes watch (never polling): reads the current state, then
/// watches from its resourceVersion; when the stream ends or breaks it resumes from the last resourceVersion seen,
/// and on 410 Gone (that version was compacted away) it reads the object again and watches from there.
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
        while (!current.IsCompleted)
        {
            var path = ResourceTypes.Workflow.CollectionPath(_client.Namespace);
            try
            {
                await foreach (var evt in _client.Api.WatchAsync(path, $"metadata.name={name}", current.ResourceVersion, cancellationToken)
                                   .ConfigureAwait(false))
                {
                    failures = 0;
                    var (next, restart) = await HandleAsync(name, evt, current, observer, cancellationToken).ConfigureAwait(false);
                    current = next;
                    if (current.IsCompleted)
                    {
                        return current;
                    }

                    if (restart)
                    {
                        break;
                    }
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex))
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

                observer.OnNotice($"watch connection lost ({ex.Message}); resuming from resourceVersion {current.ResourceVersion}");
                await Task.Delay(Backoff(failures), _time, cancellationToken).ConfigureAwait(false);
            }
        }

        return current;
    }

    private async Task<(WorkflowSnapshot Next, bool Restart)> HandleAsync(
        string name, KubeWatchEvent evt, WorkflowSnapshot current, IWatchObserver observer, CancellationToken cancellationToken)
    {
        switch (evt.Type)
        {
            case "ADDED":
            case "MODIFIED":
                var snapshot = WorkflowSnapshot.From(evt.Payload);
                observer.OnUpdate(snapshot);
                return (snapshot, false);
            case "BOOKMARK":
                var version = evt.ResourceVersion;
                return (version is null ? current : current with { Workflow = WithVersion(current, version) }, false);
            case "DELETED":
                throw new ArgoFlowException(ExitCode.Failed, $"workflow \"{name}\" was deleted while it was being watched");
            case "ERROR":
                var status = KubeStatus.FromNode(evt.Payload, 500);
                if (status.Code == 410)
                {
                    // The resourceVersion is too old to resume from: read the object again and watch from now.
                    observer.OnNotice($"watch expired ({status.Message}); re-reading the workflow");
                    var fresh = await _client.GetWorkflowAsync(name, cancellationToken).ConfigureAwait(false);
                    observer.OnUpdate(fresh);
                    return (fresh, true);
                }

                throw new KubeApiException(status, $"watching workflow \"{name}\" failed: {status.Message} ({status.Code})");
            default:
                return (current, false);
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is WatchInterruptedException or IOException or HttpRequestException ||
        (ex is ArgoFlowException { ExitCode: ExitCode.Unavailable } && ex is not KubeApiException);

    private TimeSpan Backoff(int failures)
    {
        var ms = _settings.InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 10));
        return TimeSpan.FromMilliseconds(Math.Min(ms, _settings.MaxBackoff.TotalMilliseconds));
    }

    private static Argo.Workflow WithVersion(WorkflowSnapshot current, string version) =>
        current.Workflow with { Metadata = current.Workflow.Metadata with { ResourceVersion = version } };
}
