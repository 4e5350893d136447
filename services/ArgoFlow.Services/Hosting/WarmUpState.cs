using Grpc.Health.V1;
using Grpc.HealthCheck;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// Which hosted services finished warming up, mirrored into grpc.health.v1 (one entry per service plus "" for
/// the whole host). Everything starts NOT_SERVING.
/// </summary>
public sealed class WarmUpState
{
    private readonly HealthServiceImpl _health;
    private readonly HashSet<string> _pending;
    private readonly IReadOnlyList<string> _steps;
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WarmUpState(WarmHostOptions options, HealthServiceImpl health)
    {
        ArgumentNullException.ThrowIfNull(options);
        _health = health;
        _steps = options.Services.Distinct().ToArray();
        _pending = new HashSet<string>(_steps, StringComparer.Ordinal);
        _health.SetStatus(string.Empty, HealthCheckResponse.Types.ServingStatus.NotServing);
        foreach (var step in _pending)
        {
            _health.SetStatus(ServiceNames.GrpcName(step), HealthCheckResponse.Types.ServingStatus.NotServing);
        }
    }

    /// <summary>Completes when every service is SERVING; faults when one failed to warm up.</summary>
    public Task AllServing => _all.Task;

    public bool IsServing(string step)
    {
        lock (_pending)
        {
            return !_pending.Contains(step) && !Stopping;
        }
    }

    public bool Stopping { get; private set; }

    public void MarkServing(string step)
    {
        _health.SetStatus(ServiceNames.GrpcName(step), HealthCheckResponse.Types.ServingStatus.Serving);
        lock (_pending)
        {
            _pending.Remove(step);
            if (_pending.Count > 0)
            {
                return;
            }
        }

        _health.SetStatus(string.Empty, HealthCheckResponse.Types.ServingStatus.Serving);
        _all.TrySetResult();
    }

    public void MarkFailed(string step, Exception reason) =>
        _all.TrySetException(new InvalidOperationException($"{step} failed to warm up: {reason.Message}", reason));

    /// <summary>Shutdown began: report NOT_SERVING so load balancers and probes stop sending new calls.</summary>
    public void MarkStopping()
    {
        Stopping = true;
        _health.SetStatus(string.Empty, HealthCheckResponse.Types.ServingStatus.NotServing);
        foreach (var step in _steps)
        {
            _health.SetStatus(ServiceNames.GrpcName(step), HealthCheckResponse.Types.ServingStatus.NotServing);
        }
    }
}
