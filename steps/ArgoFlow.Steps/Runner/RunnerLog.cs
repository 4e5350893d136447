using Microsoft.Extensions.Logging;

namespace ArgoFlow.Steps.Runner;

internal static partial class RunnerLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "step {Step} succeeded after {Attempts} attempt(s) in {Ms:F1} ms")]
    public static partial void StepSucceeded(ILogger logger, string step, int attempts, double ms);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "step {Step} failed: {Message}")]
    public static partial void StepFailed(ILogger logger, string step, string message);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Debug, Message = "pipeline {Pipeline} {Phase} in {Ms:F1} ms")]
    public static partial void Finished(ILogger logger, string pipeline, string phase, double ms);
}
