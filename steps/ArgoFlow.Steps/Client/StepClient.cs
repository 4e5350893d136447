using System.Diagnostics;
using ArgoFlow.Steps.Runner;
using ArgoFlow.Templates.Spec;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArgoFlow.Steps.Client;

/// <summary>
/// Calls the warm services over gRPC: a pooled channel per endpoint, a deadline on every attempt, and retries of
/// UNAVAILABLE with exponential backoff and jitter. The retry loop is ours (not the channel's service-config
/// retry policy) so every attempt is counted and reported, and the delays follow the spec's retry policy and the
/// injected <see cref="TimeProvider"/>. Nothing else is retried: INVALID_ARGUMENT, NOT_FOUND and the rest would
/// fail the same way again.
/// </summary>
public sealed class StepClient : IStepInvoker, IDisposable
{
    private static readonly Marshaller<byte[]> RawBytes = Marshallers.Create(b => b, b => b);

    private static readonly Method<byte[], byte[]> HealthCheck =
        new(MethodType.Unary, "grpc.health.v1.Health", "Check", RawBytes, RawBytes);

    private readonly StepChannelPool channels;
    private readonly StepClientOptions options;
    private readonly ILogger logger;

    public StepClient(StepClientOptions? options = null, ILogger<StepClient>? logger = null)
    {
        this.options = options ?? new StepClientOptions();
        channels = new StepChannelPool(this.options);
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public async Task<StepCallResult> InvokeAsync(StepCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var invoker = channels.Get(call.Target).CreateCallInvoker();
        var clock = options.TimeProvider;
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var deadline = clock.GetUtcNow().UtcDateTime + call.Timeout;
            try
            {
                using var rpc = invoker.AsyncUnaryCall(
                    call.Binding.Method, null, new CallOptions(deadline: deadline, cancellationToken: cancellationToken), call.Request);
                var response = await rpc.ResponseAsync;
                return new StepCallResult(response, attempt, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("the step call was cancelled", ex, cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && attempt <= call.Retry.Limit)
            {
                var delay = Backoff(call.Retry, attempt);
                StepClientLog.Retrying(logger, call.StepName, call.Target, attempt, delay.TotalMilliseconds, ex.Status.Detail);
                await Task.Delay(delay, clock, cancellationToken);
            }
            catch (RpcException ex)
            {
                StepClientLog.Failed(logger, call.StepName, call.Target, ex.StatusCode, attempt, ex.Status.Detail);
                throw new StepCallException(call.StepName, call.Target, ex.StatusCode, Detail(ex, call.Timeout), attempt, ex);
            }
        }
    }

    /// <summary>
    /// Opens the pooled connection to <paramref name="target"/> and makes one grpc.health.v1 Check call on it, so
    /// the first step pays neither the HTTP/2 handshake nor the just-in-time compilation of the call path. Best
    /// effort: a service that is not there yet is left for the real call (and its retries) to report.
    /// </summary>
    public async Task WarmUpAsync(string target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var invoker = channels.Get(target).CreateCallInvoker();
        var deadline = options.TimeProvider.GetUtcNow().UtcDateTime + timeout;
        try
        {
            // An empty message is a HealthCheckRequest for the server as a whole.
            using var rpc = invoker.AsyncUnaryCall(HealthCheck, null, new CallOptions(deadline: deadline, cancellationToken: cancellationToken), []);
            await rpc.ResponseAsync;
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            StepClientLog.WarmUpFailed(logger, target, ex.StatusCode, ex.Status.Detail);
        }
    }

    public void Dispose() => channels.Dispose();

    /// <summary>The wait before attempt <paramref name="failedAttempt"/> + 1: backoff x factor^(n-1), capped, then jittered to 50-100%.</summary>
    internal TimeSpan Backoff(RetryPolicy retry, int failedAttempt)
    {
        var raw = retry.Backoff.TotalMilliseconds * Math.Pow(retry.Factor, failedAttempt - 1);
        var capped = Math.Min(raw, retry.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (0.5 * options.Jitter())));
    }

    private static string Detail(RpcException ex, TimeSpan timeout)
    {
        // gRPC's own detail ("Deadline Exceeded") does not say which deadline; the user needs it to pick a new one.
        if (ex.StatusCode == StatusCode.DeadlineExceeded)
        {
            return $"no answer within the step's deadline of {timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s";
        }

        // Grpc.Net.Client puts the socket error in the detail of UNAVAILABLE; keep only its first line.
        var detail = ex.Status.Detail ?? string.Empty;
        var newline = detail.IndexOf('\n', StringComparison.Ordinal);
        detail = newline < 0 ? detail : detail[..newline];
        var cause = ex.Status.DebugException?.InnerException?.Message ?? ex.Status.DebugException?.Message;
        return cause is null || detail.Contains(cause, StringComparison.Ordinal) ? detail : $"{detail.TrimEnd('.')}: {cause}";
    }
}
