using System.Threading.RateLimiting;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// Bounded concurrency per step service: <see cref="WarmHostOptions.MaxConcurrency"/> calls run, up to
/// <see cref="WarmHostOptions.MaxQueue"/> wait in arrival order, the rest are refused at once (the caller
/// retries elsewhere) instead of piling up memory and latency.
/// </summary>
public sealed class ServiceGates : IDisposable
{
    private readonly Dictionary<string, ConcurrencyLimiter> _limiters;

    public ServiceGates(WarmHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MaxConcurrency = options.MaxConcurrency;
        MaxQueue = options.MaxQueue;
        _limiters = options.Services.Distinct().ToDictionary(s => s, _ => new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrency,
            QueueLimit = options.MaxQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }), StringComparer.Ordinal);
    }

    /// <summary>
    /// The HttpContext item under which an HTTP/JSON call's lease, taken before its body was parsed, is handed to
    /// <see cref="StepCallInterceptor"/>.
    /// </summary>
    public const string LeaseItem = "argoflow.gate-lease";

    public int MaxConcurrency { get; }

    public int MaxQueue { get; }

    /// <summary>A lease to run a call of the step; check <see cref="RateLimitLease.IsAcquired"/>. Null for steps without a gate.</summary>
    public async ValueTask<RateLimitLease?> EnterAsync(string step, CancellationToken cancellationToken) =>
        _limiters.TryGetValue(step, out var limiter) ? await limiter.AcquireAsync(1, cancellationToken) : null;

    /// <summary>What a shed call is told (RESOURCE_EXHAUSTED), over gRPC and HTTP alike.</summary>
    public string BusyMessage(string step) =>
        $"{step} is busy ({MaxConcurrency} calls running, {MaxQueue} queued); retry later or elsewhere";

    /// <summary>Calls of the step waiting for a slot now.</summary>
    public long Queued(string step) =>
        _limiters.TryGetValue(step, out var limiter) ? limiter.GetStatistics()?.CurrentQueuedCount ?? 0 : 0;

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
