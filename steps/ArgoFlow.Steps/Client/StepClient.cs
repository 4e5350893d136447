using System.Diagnostics;
using ArgoFlow.Steps.Client.Balancing;
using ArgoFlow.Steps.Runner;
using ArgoFlow.Templates.Spec;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArgoFlow.Steps.Client;

/// <summary>
/// Calls the warm services over gRPC: a pooled channel per endpoint spreading calls over the service's replicas, a
/// deadline on every attempt, an attempt refused by one replica (UNAVAILABLE, RESOURCE_EXHAUSTED) sent at once to
/// another ready replica, and otherwise retries of UNAVAILABLE with exponential backoff and jitter. The retry loop is ours (not the channel's service-config
/// retry policy) so every attempt is counted and reported, and the delays follow the spec's retry policy and the
/// injected <see cref="TimeProvider"/>. Nothing else is retried: INVALID_ARGUMENT, NOT_FOUND and the rest would
/// fail the same way again, and RESOURCE_EXHAUSTED from the only replica is left to the caller.
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
        var channel = channels.Get(call.Target);
        var invoker = channel.Channel.CreateCallInvoker();
        var ledger = channel.Ledger;
        var callId = ledger.Begin();
        var headers = new Metadata { { ReplicaLedger.CallIdHeader, callId } };
        var clock = options.TimeProvider;
        var started = Stopwatch.GetTimestamp();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var deadline = clock.GetUtcNow().UtcDateTime + call.Timeout;
                try
                {
                    using var rpc = invoker.AsyncUnaryCall(
                        call.Binding.Method, null, new CallOptions(headers, deadline, cancellationToken), call.Request);
                    var response = await rpc.ResponseAsync;
                    return new StepCallResult(response, attempt, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException("the step call was cancelled", ex, cancellationToken);
                }
                catch (RpcException ex) when (IsRefusal(ex.StatusCode) && attempt <= call.Retry.Limit && ledger.LastReplica(callId) is { } replica && ledger.Refused(callId))
                {
                    // One replica refused (down, draining, or shedding load) and another is ready: go there now.
                    StepClientLog.RetryingElsewhere(logger, call.StepName, call.Target, attempt, replica, StepCallException.StatusName(ex.StatusCode), ex.Status.Detail);
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
                    throw new StepCallException(call.StepName, Where(call.Target, ledger.LastReplica(callId)), ex.StatusCode, Detail(ex, call.Timeout), attempt, ex);
                }
            }
        }
        finally
        {
            ledger.End(callId);
        }
    }

    /// <summary>Attempts each replica of <paramref name="target"/> received from this client (host:port -> count).</summary>
    public IReadOnlyDictionary<string, long> AttemptsByReplica(string target) =>
        new Dictionary<string, long>(channels.Get(target).Ledger.Picks, StringComparer.Ordinal);

    /// <summary>
    /// Opens the pooled connection to <paramref name="target"/> and makes one grpc.health.v1 Check call on it, so
    /// the first step pays neither the HTTP/2 handshake nor the just-in-time compilation of the call path. Best
    /// effort: a service that is not there yet is left for the real call (and its retries) to report.
    /// </summary>
    public async Task WarmUpAsync(string target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var invoker = channels.Get(target).Channel.CreateCallInvoker();
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

    /// <summary>UNAVAILABLE (down, draining) and RESOURCE_EXHAUSTED (shedding load): another replica may take the call.</summary>
    private static bool IsRefusal(StatusCode status) => status is StatusCode.Unavailable or StatusCode.ResourceExhausted;

    /// <summary>The target, and the replica that answered when the target has several (a name or a list).</summary>
    private static string Where(string target, string? replica) =>
        replica is null || target.EndsWith("://" + replica, StringComparison.Ordinal) || target == replica ? target : $"{target} (replica {replica})";

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
