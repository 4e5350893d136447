using Microsoft.Extensions.Logging;

namespace ArgoFlow.Steps.Plugin;

internal static partial class PluginLog
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "template.execute rejected with {Status}: {Problem}")]
    public static partial void Rejected(ILogger logger, int status, string problem);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information,
        Message = "{Workflow} {Template}: succeeded after {Attempts} attempt(s) in {Ms:F1} ms")]
    public static partial void Executed(ILogger logger, string workflow, string template, int attempts, double ms);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "{Workflow} {Template}: transient failure, answering 503: {Message}")]
    public static partial void Transient(ILogger logger, string workflow, string template, string message);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "{Workflow} {Template}: refused: {Reason}")]
    public static partial void Refused(ILogger logger, string workflow, string template, string reason);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Information, Message = "executor plugin listening on {Url} (token file {TokenFile})")]
    public static partial void Listening(ILogger logger, string url, string tokenFile);
}
