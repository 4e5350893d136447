using Microsoft.Extensions.Logging;

namespace ArgoFlow.Services.Logging;

/// <summary>Every log line the services write, source-generated with fixed event ids (structured fields, no string building).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Warm host listening: gRPC {GrpcAddress}, HTTP {HttpUrl}, services {Services}, store {Store}")]
    public static partial void Listening(ILogger logger, string grpcAddress, string httpUrl, string services, string store);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{Service} is SERVING after a {WarmUpMs:0.0} ms warm-up")]
    public static partial void WarmedUp(ILogger logger, string service, double warmUpMs);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Streamed JPEG blur (decode, blur and encode overlapped): {Status}")]
    public static partial void StreamedJpeg(ILogger logger, string status);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "{Service} failed to warm up and stays NOT_SERVING: {Reason}")]
    public static partial void WarmUpFailed(ILogger logger, Exception exception, string service, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Loaded model {Model} ({Format}, input {Width}x{Height}, {Classes} classes)")]
    public static partial void ModelLoaded(ILogger logger, string model, string format, int width, int height, int classes);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Stopping: NOT_SERVING, finishing in-flight calls within {GraceSeconds} s")]
    public static partial void Stopping(ILogger logger, double graceSeconds);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Store not reachable yet, services stay NOT_SERVING: {Reason}")]
    public static partial void StoreNotReady(ILogger logger, string reason);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "{Method} OK in {TotalMs:0.00} ms (download {DownloadMs:0.00}, decode {DecodeMs:0.00}, process {ProcessMs:0.00}, encode {EncodeMs:0.00}, upload {UploadMs:0.00})")]
    public static partial void CallCompleted(ILogger logger, string method, double totalMs, double downloadMs, double decodeMs,
        double processMs, double encodeMs, double uploadMs);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "{Method} failed with {Code} after {TotalMs:0.00} ms: {Reason}")]
    public static partial void CallFailed(ILogger logger, string method, string code, double totalMs, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "{Method} failed unexpectedly (error id {ErrorId}); the caller sees INTERNAL")]
    public static partial void CallCrashed(ILogger logger, Exception exception, string method, string errorId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "{Method} rejected: {Service} is at {MaxConcurrency} concurrent calls with {MaxQueue} queued")]
    public static partial void CallRejected(ILogger logger, string method, string service, int maxConcurrency, int maxQueue);
}
