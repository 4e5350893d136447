using Microsoft.Extensions.Logging;

namespace ArgoFlow.Agent;

/// <summary>The agent's log events (ids 3000-3099).</summary>
internal static partial class AgentLog
{
    [LoggerMessage(3000, LogLevel.Information, "Agent started: namespaces {Namespaces}, {Workers} workers, patch window {WindowMs} ms, plugins {Plugins}")]
    public static partial void Started(ILogger logger, string namespaces, int workers, double windowMs, string plugins);

    [LoggerMessage(3001, LogLevel.Information, "TaskSets listed in {Scope}: {Count} (resourceVersion {ResourceVersion})")]
    public static partial void Listed(ILogger logger, string scope, int count, string? resourceVersion);

    [LoggerMessage(3002, LogLevel.Warning, "Watch of TaskSets in {Scope}: {Problem}; resuming from resourceVersion {ResourceVersion} in {DelayMs} ms")]
    public static partial void WatchRetry(ILogger logger, string scope, string problem, string? resourceVersion, double delayMs);

    [LoggerMessage(3003, LogLevel.Information, "Watch of TaskSets in {Scope} expired ({Reason}); listing again")]
    public static partial void WatchExpired(ILogger logger, string scope, string reason);

    [LoggerMessage(3004, LogLevel.Debug, "Task {TaskSet}/{NodeId} ({Type}) started")]
    public static partial void TaskStarted(ILogger logger, string taskSet, string nodeId, string type);

    [LoggerMessage(3005, LogLevel.Information, "Task {TaskSet}/{NodeId} ({Type}): {Phase} {Message} (requeue {RequeueMs} ms)")]
    public static partial void TaskFinished(ILogger logger, string taskSet, string nodeId, string type, string? phase, string? message, double requeueMs);

    [LoggerMessage(3006, LogLevel.Information, "TaskSet {TaskSet} {Why}: no more work, {Cancelled} task(s) in flight cancelled")]
    public static partial void TaskSetClosed(ILogger logger, string taskSet, string why, int cancelled);

    [LoggerMessage(3007, LogLevel.Warning, "Patching {Count} result(s) of TaskSet {TaskSet} failed transiently ({Problem}); retry {Attempt} in {DelayMs} ms")]
    public static partial void PatchRetry(ILogger logger, int count, string taskSet, string problem, int attempt, double delayMs);

    [LoggerMessage(3008, LogLevel.Error, "Patching {Count} result(s) of TaskSet {TaskSet} was refused ({Problem}); reporting them as Error")]
    public static partial void PatchRefused(ILogger logger, int count, string taskSet, string problem);

    [LoggerMessage(3009, LogLevel.Error, "Dropped {Count} result(s) of TaskSet {TaskSet} (nodes {Nodes}): {Problem}")]
    public static partial void ResultsDropped(ILogger logger, int count, string taskSet, string nodes, string problem);

    [LoggerMessage(3010, LogLevel.Information, "Lease {Lease}: {Identity} {What}")]
    public static partial void Lease(ILogger logger, string lease, string identity, string what);

    [LoggerMessage(3011, LogLevel.Warning, "Lease {Lease}: {Problem}")]
    public static partial void LeaseProblem(ILogger logger, string lease, string problem);

    [LoggerMessage(3012, LogLevel.Information, "Draining: {InFlight} task(s) in flight, up to {TimeoutMs} ms")]
    public static partial void Draining(ILogger logger, int inFlight, double timeoutMs);

    [LoggerMessage(3013, LogLevel.Error, "Task {TaskSet}/{NodeId} failed unexpectedly: {Problem}")]
    public static partial void TaskCrashed(ILogger logger, string taskSet, string nodeId, string problem);
}
