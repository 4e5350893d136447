using System.Threading.RateLimiting;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Logging;
using ArgoFlow.Services.Metrics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// Cross-cutting work for every unary call, so the service classes stay thin: load shedding (bounded concurrency
/// and queue per step service), the warm-up gate, status mapping of <see cref="StepException"/> (INTERNAL with an
/// error id for anything unexpected - never a stack trace over the wire), logs with the timing breakdown, metrics.
/// </summary>
internal sealed class StepCallInterceptor : Interceptor
{
    private readonly ServiceGates _gates;
    private readonly WarmUpState _warmUp;
    private readonly ServiceMetrics _metrics;
    private readonly ILogger<StepCallInterceptor> _logger;
    private readonly TimeProvider _time;

    public StepCallInterceptor(ServiceGates gates, WarmUpState warmUp, ServiceMetrics metrics, TimeProvider time, ILogger<StepCallInterceptor> logger)
    {
        _time = time;
        _gates = gates;
        _warmUp = warmUp;
        _metrics = metrics;
        _logger = logger;
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        var method = context.Method;
        var step = ServiceNames.StepOf(method);
        var label = ServiceNames.MetricLabel(method);
        var started = _time.GetTimestamp();
        var borrowed = step is null ? null : Borrowed(context);
        using var owned = step is null || borrowed is not null ? null : await _gates.EnterAsync(step, context.CancellationToken);
        var lease = borrowed ?? owned;
        if (lease is { IsAcquired: false })
        {
            _metrics.Rejected(label);
            _metrics.Finished(label, nameof(StatusCode.ResourceExhausted));
            Log.CallRejected(_logger, method, label, _gates.MaxConcurrency, _gates.MaxQueue);
            throw new RpcException(new Status(StatusCode.ResourceExhausted, _gates.BusyMessage(label)));
        }

        using var inFlight = _metrics.TrackInFlight(label);
        try
        {
            if (step is not null && !_warmUp.IsServing(step))
            {
                throw new StepException(StepFailure.NotReady, _warmUp.Stopping
                    ? $"{step} is shutting down"
                    : $"{step} is still warming up (health NOT_SERVING); retry shortly");
            }

            var response = await continuation(request, context);
            Completed(label, method, response);
            return response;
        }
        catch (StepException ex)
        {
            var code = ex.Failure.ToStatusCode();
            Failed(label, method, code, ex.Message, started);
            throw new RpcException(new Status(code, ex.Message));
        }
        catch (RpcException ex)
        {
            Failed(label, method, ex.StatusCode, ex.Status.Detail, started);
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            Failed(label, method, StatusCode.Cancelled, "the caller cancelled or the deadline passed", started);
            throw new RpcException(new Status(StatusCode.Cancelled, "cancelled"));
        }
#pragma warning disable CA1031 // The wire gets a generic INTERNAL with an id; the log gets the exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var errorId = Guid.NewGuid().ToString("N")[..12];
            Log.CallCrashed(_logger, ex, method, errorId);
            _metrics.Finished(label, nameof(StatusCode.Internal));
            throw new RpcException(new Status(StatusCode.Internal, $"internal error (id {errorId}); see the service log"));
        }
    }

    /// <summary>The lease <see cref="StrictJsonBodyMiddleware"/> took for an HTTP/JSON call (the request disposes it).</summary>
    private static RateLimitLease? Borrowed(ServerCallContext context)
    {
        try
        {
            return context.GetHttpContext().Items.TryGetValue(ServiceGates.LeaseItem, out var item) ? item as RateLimitLease : null;
        }
        catch (InvalidOperationException)
        {
            return null; // a call context without an HttpContext (in-process tests): no borrowed lease
        }
    }

    private void Completed(string label, string method, object? response)
    {
        _metrics.Finished(label, nameof(StatusCode.OK));
        if (response is IMessage message && message.Descriptor.FindFieldByName("timing") is { } field &&
            field.Accessor.GetValue(message) is Timing timing)
        {
            _metrics.Observe(label, timing);
            Log.CallCompleted(_logger, method, timing.TotalMs, timing.DownloadMs, timing.DecodeMs, timing.ProcessMs, timing.EncodeMs, timing.UploadMs);
        }
    }

    private void Failed(string label, string method, StatusCode code, string reason, long started)
    {
        _metrics.Finished(label, code.ToString());
        Log.CallFailed(_logger, method, code.ToString(), _time.GetElapsedTime(started).TotalMilliseconds, LogText.Cap(reason));
    }
}
