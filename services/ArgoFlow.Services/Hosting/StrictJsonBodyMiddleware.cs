using System.Text.Json;
using ArgoFlow.Services.Logging;
using ArgoFlow.Services.Metrics;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// Refuses HTTP/JSON (transcoded) request bodies that carry members the request message does not declare, with
/// 400 and the transcoder's own error shape (<c>{"code": 3, "message": "widht: unknown field (...)", "details": []}</c>).
/// Microsoft.AspNetCore.Grpc.JsonTranscoding 10.0 has no setting for this (GrpcJsonSettings covers only output and
/// name casing; its reader skips unknown members), so the body is checked here, before the transcoder reads it again.
/// It also refuses members given twice (<see cref="DuplicateJsonMembers"/>) and reads parameter values that arrived
/// as text as their catalogue type (<see cref="SubstitutedJsonBody"/>).
/// Bodies that are not JSON objects, not JSON at all, or larger than the gRPC receive limit pass through untouched:
/// the transcoder answers those itself.
/// </summary>
internal sealed class StrictJsonBodyMiddleware
{
    /// <summary>Unknown fields named in one answer.</summary>
    private const int MaxNamed = 3;
    private readonly RequestDelegate _next;
    private readonly ServiceGates _gates;
    private readonly ServiceMetrics _metrics;
    private readonly ILogger<StrictJsonBodyMiddleware> _logger;
    private readonly TimeProvider _time;
    private readonly int? _maxBodyBytes;

    public StrictJsonBodyMiddleware(
        RequestDelegate next, ServiceGates gates, ServiceMetrics metrics, IOptions<GrpcServiceOptions> grpc, TimeProvider time,
        ILogger<StrictJsonBodyMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(grpc);
        _next = next;
        _gates = gates;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _maxBodyBytes = grpc.Value.MaxReceiveMessageSize;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var transcoded = context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        var bodyMessage = transcoded is null ? null : BodyMessage(transcoded);
        if (bodyMessage is null || !context.Request.HasJsonContentType() || context.Request.ContentLength > _maxBodyBytes)
        {
            await _next(context);
            return;
        }

        // Load shedding comes before the body is parsed: four concurrent 3.5 MB bodies once all ran with
        // --max-concurrency 1 --max-queue 0. The lease is handed to StepCallInterceptor, which would otherwise take
        // a second one (and, with one permit, refuse its own call).
        var method = $"/{transcoded!.MethodDescriptor.Service.FullName}/{transcoded.MethodDescriptor.Name}";
        if (ServiceNames.StepOf(method) is { } step && await _gates.EnterAsync(step, context.RequestAborted) is { } lease)
        {
            context.Response.RegisterForDispose(lease);
            context.Items[ServiceGates.LeaseItem] = lease;
            if (!lease.IsAcquired)
            {
                // Answered here, as the transcoder would answer the interceptor's RESOURCE_EXHAUSTED (429), because
                // the transcoder reads the whole body before the interceptor runs.
                _metrics.Rejected(step);
                _metrics.Finished(step, nameof(StatusCode.ResourceExhausted));
                Log.CallRejected(_logger, method, step, _gates.MaxConcurrency, _gates.MaxQueue);
                await WriteErrorAsync(context.Response, StatusCodes.Status429TooManyRequests, StatusCode.ResourceExhausted,
                    _gates.BusyMessage(step), context.RequestAborted);
                return;
            }
        }

        // A body without Content-Length is bounded by Kestrel's request body limit; the transcoder then applies the
        // gRPC receive limit when it reads the buffered copy.
        var started = _time.GetTimestamp();
        context.Request.EnableBuffering(bufferThreshold: 64 * 1024);
        var (unknown, duplicates) = await FindUnknownAsync(context.Request.Body, bodyMessage, context.RequestAborted);
        context.Request.Body.Position = 0;
        IReadOnlyList<string> problems = duplicates.Count > 0
            ? duplicates.Select(d => $"{d}: given more than once").ToList()
            : unknown.Count > 0
            ? unknown.Select(u => u.Describe()).ToList()
            : await SubstitutedJsonBody.NormalizeAsync(context.Request, transcoded!.MethodDescriptor, context.RequestAborted);
        if (problems.Count == 0)
        {
            await _next(context);
            return;
        }

        // A few names are enough to fix a typo; 200,000 of them once made a 26 MB answer.
        var message = string.Join("; ", problems.Take(MaxNamed)) +
            (problems.Count > MaxNamed ? $"; and {problems.Count - MaxNamed} more {(duplicates.Count == 0 && unknown.Count > 0 ? "unknown fields" : "problems")}" : string.Empty);
        _metrics.Finished(ServiceNames.StepOf(method) ?? method, nameof(StatusCode.InvalidArgument));
        Log.CallFailed(_logger, method, nameof(StatusCode.InvalidArgument), _time.GetElapsedTime(started).TotalMilliseconds, LogText.Cap(message));
        await WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, StatusCode.InvalidArgument, message, context.RequestAborted);
    }

    /// <summary>The message the body is read as: the whole request for <c>body: "*"</c>, else the named field's type.</summary>
    private static MessageDescriptor? BodyMessage(GrpcJsonTranscodingMetadata transcoded)
    {
        var input = transcoded.MethodDescriptor.InputType;
        return transcoded.HttpRule.Body switch
        {
            "" => null,
            "*" => input,
            var field => input.FindFieldByName(field) is { FieldType: FieldType.Message, IsRepeated: false } f ? f.MessageType : null,
        };
    }

    private static async Task<(IReadOnlyList<UnknownJsonField> Unknown, IReadOnlyList<string> Duplicates)> FindUnknownAsync(
        Stream body, MessageDescriptor message, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, default, cancellationToken);
            return (UnknownJsonFields.Find(document.RootElement, message), DuplicateJsonMembers.Find(document.RootElement));
        }
        catch (JsonException)
        {
            // Not JSON (or nested deeper than JSON's default limit): the transcoder reports it with its own message.
            return ([], []);
        }
    }

    private static async Task WriteErrorAsync(HttpResponse response, int httpStatus, StatusCode code, string message, CancellationToken cancellationToken)
    {
        response.StatusCode = httpStatus;
        response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteNumber("code", (int)code);
        json.WriteString("message", message);
        json.WriteStartArray("details");
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
