using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Watch;

/// <summary>Parses --timeout values the way argo and kubectl accept them: 30s, 5m, 1h30m, 500ms.</summary>
public static class GoDuration
{
    public static TimeSpan Parse(string text, string flag)
    {
        var value = Controller.ControllerAdvice.Parse(text);
        return value is { } v && v > TimeSpan.Zero
            ? v
            : throw new ArgoFlowException(ExitCode.Usage, $"{flag} \"{text}\": expected a duration such as 30s, 5m or 1h30m");
    }
}
