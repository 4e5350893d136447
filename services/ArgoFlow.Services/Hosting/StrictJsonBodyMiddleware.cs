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
/// It also reads parameter values that arrived as text as their catalogue type (<see cref="SubstitutedJsonBody"/>).
/// Bodies that are not JSON objects, not JSON at all, or larger than the gRPC receive limit pass through untouched:
/// the transcoder answers those itself.
/// </summary>
internal sealed class StrictJsonBodyMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ServiceMetrics _metrics;
    private readonly ILogger<StrictJsonBodyMiddleware> _logger;
    private readonly TimeProvider _time;
    private readonly int? _maxBodyBytes;

    public StrictJsonBodyMiddleware(
        RequestDelegate next, ServiceMetrics metrics, IOptions<GrpcServiceOptions> grpc, TimeProvider time, ILogger<StrictJsonBodyMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(grpc);
        _next = next;
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

        // A body without Content-Length is bounded by Kestrel's request body limit; the transcoder then applies the
        // gRPC receive limit when it reads the buffered copy.
        var started = _time.GetTimestamp();
        context.Request.EnableBuffering(bufferThreshold: 64 * 1024);
        var unknown = await FindUnknownAsync(context.Request.Body, bodyMessage, context.RequestAborted);
        context.Request.Body.Position = 0;
        IReadOnlyList<string> problems = unknown.Count > 0
            ? unknown.Select(u => u.Describe()).ToList()
            : await SubstitutedJsonBody.NormalizeAsync(context.Request, transcoded!.MethodDescriptor, context.RequestAborted);
        if (problems.Count == 0)
        {
            await _next(context);
            return;
        }

        var method = $"/{transcoded!.MethodDescriptor.Service.FullName}/{transcoded.MethodDescriptor.Name}";
        var message = string.Join("; ", problems);
        _metrics.Finished(ServiceNames.StepOf(method) ?? method, nameof(StatusCode.InvalidArgument));
        Log.CallFailed(_logger, method, nameof(StatusCode.InvalidArgument), _time.GetElapsedTime(started).TotalMilliseconds, message);
        await WriteInvalidArgumentAsync(context.Response, message, context.RequestAborted);
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

    private static async Task<IReadOnlyList<UnknownJsonField>> FindUnknownAsync(Stream body, MessageDescriptor message, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, default, cancellationToken);
            return UnknownJsonFields.Find(document.RootElement, message);
        }
        catch (JsonException)
        {
            // Not JSON (or nested deeper than JSON's default limit): the transcoder reports it with its own message.
            return [];
        }
    }

    private static async Task WriteInvalidArgumentAsync(HttpResponse response, string message, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteNumber("code", (int)StatusCode.InvalidArgument);
        json.WriteString("message", message);
        json.WriteStartArray("details");
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
