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
}
