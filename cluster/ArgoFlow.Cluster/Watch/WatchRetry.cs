using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Watch;

/// <summary>
/// What every watch loop (the workflow watcher, the agent's TaskSet watches) treats as worth a reconnect, and
/// how long it waits: 429 and transient 5xx answers, a dropped stream or connection; exponential backoff from
/// <see cref="WatchSettings.InitialBackoff"/>, longer when the server asked (Retry-After), never over
/// <see cref="WatchSettings.MaxBackoff"/>.
/// </summary>
public static class WatchRetry
{
    public static bool IsTransient(Exception ex) => ex switch
    {
        KubeApiException api => api.Status.IsTransient,
        WatchInterruptedException or IOException or HttpRequestException => true,
        ArgoFlowException { ExitCode: ExitCode.Unavailable } => true,
        _ => false,
    };

    public static TimeSpan Delay(WatchSettings settings, int failures, Exception ex)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ms = settings.InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 10));
        if (ex is KubeApiException { Status.RetryAfter: { } asked })
        {
            ms = Math.Max(ms, asked.TotalMilliseconds);
        }

        return TimeSpan.FromMilliseconds(Math.Min(ms, settings.MaxBackoff.TotalMilliseconds));
    }
}
