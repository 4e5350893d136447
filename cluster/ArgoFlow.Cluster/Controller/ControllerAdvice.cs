using System.Globalization;

namespace ArgoFlow.Cluster.Controller;

/// <summary>
/// What to change so that HTTP/plugin steps can finish in 1-3 s: the controller requeues a workflow only every
/// DEFAULT_REQUEUE_TIME (default 10s) and the agent reports every ARGO_AGENT_PATCH_RATE (default: the same), so at
/// defaults every step waits 10-20 s however fast the service is.
/// </summary>
public static class ControllerAdvice
{
    public static IReadOnlyList<string> For(ControllerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ns = settings.Namespace;
        if (!settings.Readable)
        {
            return [$"controller settings {settings.Problem}; at Argo's defaults (DEFAULT_REQUEUE_TIME=10s) each HTTP/plugin step waits ~10-20 s"];
        }

        var advice = new List<string>();
        var requeue = Parse(settings.DefaultRequeueTime) ?? TimeSpan.FromSeconds(10);
        if (requeue > TimeSpan.FromSeconds(1))
        {
            advice.Add($"DEFAULT_REQUEUE_TIME is {settings.DefaultRequeueTime ?? "unset (10s)"}: set 1s - `kubectl -n {ns} set env deploy/workflow-controller DEFAULT_REQUEUE_TIME=1s`");
        }

        // With the external agent there is no agent pod and so no patch ticker to tune.
        var patch = Parse(settings.AgentPatchRate) ?? requeue;
        if (!settings.ExternalAgent && patch > TimeSpan.FromMilliseconds(500))
        {
            advice.Add($"ARGO_AGENT_PATCH_RATE is {settings.AgentPatchRate ?? $"unset (= requeue time, {Format(requeue)})"}: set 200ms-500ms - `kubectl -n {ns} set env deploy/workflow-controller ARGO_AGENT_PATCH_RATE=300ms`");
        }

        if (!string.Equals(settings.ExecutorPlugins, "true", StringComparison.OrdinalIgnoreCase))
        {
            advice.Add($"ARGO_EXECUTOR_PLUGINS is {settings.ExecutorPlugins ?? "unset"}: plugin mode needs `kubectl -n {ns} set env deploy/workflow-controller ARGO_EXECUTOR_PLUGINS=true`");
        }

        if (advice.Count == 0)
        {
            advice.Add("controller settings allow 1-3 s pipelines; remaining latency is per-step work and pod start-up (container mode)");
        }

        return advice;
    }

    /// <summary>Reads Go durations as the controller does: 1s, 500ms, 1m30s, 0.5s.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var total = TimeSpan.Zero;
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            var i = 0;
            while (i < rest.Length && (char.IsAsciiDigit(rest[i]) || rest[i] == '.'))
            {
                i++;
            }

            var j = i;
            while (j < rest.Length && char.IsAsciiLetter(rest[j]))
            {
                j++;
            }

            if (i == 0 || !double.TryParse(rest[..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            TimeSpan? part = rest[i..j] switch
            {
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                "s" => TimeSpan.FromSeconds(n),
                "ms" => TimeSpan.FromMilliseconds(n),
                "us" or "µs" => TimeSpan.FromMicroseconds(n),
                _ => null,
            };
            if (part is null)
            {
                return null;
            }

            total += part.Value;
            rest = rest[j..];
        }

        return total;
    }

    private static string Format(TimeSpan span) => Rendering.Durations.Format(span);
}
