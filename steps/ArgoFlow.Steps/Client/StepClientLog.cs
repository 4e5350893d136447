using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Steps.Client;

internal static partial class StepClientLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "step {Step} at {Target}: attempt {Attempt} unavailable ({Detail}); retrying in {DelayMs:F0} ms")]
    public static partial void Retrying(ILogger logger, string step, string target, int attempt, double delayMs, string detail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information,
        Message = "step {Step} at {Target}: {Status} after {Attempts} attempt(s): {Detail}")]
    public static partial void Failed(ILogger logger, string step, string target, StatusCode status, int attempts, string detail);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug,
        Message = "warm-up call to {Target} failed: {Status} {Detail} (left to the first step to report)")]
    public static partial void WarmUpFailed(ILogger logger, string target, StatusCode status, string detail);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "step {Step} at {Target}: attempt {Attempt} refused by replica {Replica} ({Status}: {Detail}); retrying on another replica")]
    public static partial void RetryingElsewhere(ILogger logger, string step, string target, int attempt, string replica, string status, string detail);
}
