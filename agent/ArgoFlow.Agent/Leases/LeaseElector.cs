using System.Text.Json.Nodes;
using ArgoFlow.Agent.Hosting;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Agent.Leases;

/// <summary>
/// Leader election over a Lease, as client-go's leaderelection does it: take the lease when it is free or its
/// holder has not renewed it for its duration (measured on this replica's clock, from when it saw the record last
/// change, so clock skew between nodes does not matter); renew every retry period; when renewing fails for the
/// renew deadline, stop all work at once (the deadline is shorter than the duration, so the next leader cannot
/// start before). Updates carry the resourceVersion, so two replicas never both win. On a clean stop the lease is
/// released (empty holder) and a standby takes over at its next retry.
/// </summary>
internal sealed class LeaseElector
{
    private readonly KubeApiClient _api;
    private readonly LeaseSettings _settings;
    private readonly TimeProvider _time;
    private readonly AgentMetrics _metrics;
    private readonly ILogger _logger;
    private LeaseRecord? _observed;
    private long _observedAt;

    private readonly Action _onReachable;

    public LeaseElector(KubeApiClient api, LeaseSettings settings, TimeProvider time, AgentMetrics metrics, ILogger logger, Action onReachable)
    {
        _onReachable = onReachable;
        _api = api;
        _settings = settings;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    private string ItemPath => ResourceTypes.Lease.ItemPath(_settings.Namespace, _settings.Name);

    /// <summary>
    /// Runs <paramref name="lead"/> while this replica holds the lease, until <paramref name="stop"/>. The work gets
    /// <paramref name="stop"/> (drain and return) and a token cancelled when the lease is lost (abandon everything).
    /// <paramref name="kill"/> ends everything at once without releasing the lease (a crash, as tests simulate it).
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, CancellationToken, Task> lead, CancellationToken stop, CancellationToken kill)
    {
        using var stopOrKill = CancellationTokenSource.CreateLinkedTokenSource(stop, kill);
        stop = stopOrKill.Token;
        while (!stop.IsCancellationRequested)
        {
            if (!await AcquireAsync(stop).ConfigureAwait(false))
            {
                return;
            }

            _metrics.Leading(true);
            AgentLog.Lease(_logger, _settings.Name, _settings.Identity, "leads");
            using var lost = CancellationTokenSource.CreateLinkedTokenSource(kill);
            using var workEnded = new CancellationTokenSource();
            var work = lead(stop, lost.Token);
            var renewal = RenewUntilLostAsync(workEnded.Token);
            if (await Task.WhenAny(work, renewal).ConfigureAwait(false) == renewal && await renewal.ConfigureAwait(false))
            {
                AgentLog.Lease(_logger, _settings.Name, _settings.Identity, "lost the lease; stopping every task");
                await lost.CancelAsync().ConfigureAwait(false);
                _metrics.Leading(false);
                await Quietly(work).ConfigureAwait(false);
                continue;
            }

            await workEnded.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            _metrics.Leading(false);
            if (!kill.IsCancellationRequested)
            {
                await ReleaseAsync().ConfigureAwait(false);
            }

            await work.ConfigureAwait(false);
            return;
        }
    }

    private async Task<bool> AcquireAsync(CancellationToken stop)
    {
        while (!await TryAcquireOrRenewAsync(stop).ConfigureAwait(false))
        {
            try
            {
                await Task.Delay(_settings.RetryPeriod, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the lease was lost (no renewal for the renew deadline), false when the work ended first.</summary>
    private async Task<bool> RenewUntilLostAsync(CancellationToken workEnded)
    {
        var renewed = _time.GetTimestamp();
        while (true)
        {
            try
            {
                await Task.Delay(_settings.RetryPeriod, _time, workEnded).ConfigureAwait(false);
                using var deadline = new CancellationTokenSource(_settings.RenewDeadline - _time.GetElapsedTime(renewed), _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, workEnded);
                if (await TryAcquireOrRenewAsync(linked.Token).ConfigureAwait(false))
                {
                    renewed = _time.GetTimestamp();
                    continue;
                }
            }
            catch (OperationCanceledException) when (workEnded.IsCancellationRequested)
            {
                return false;
            }
            catch (OperationCanceledException)
            {
            }
            catch (ArgumentOutOfRangeException)
            {
                // The remaining time went negative: the deadline has passed.
            }

            if (_time.GetElapsedTime(renewed) >= _settings.RenewDeadline)
            {
                return true;
            }
        }
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var duration = (int)Math.Ceiling(_settings.Duration.TotalSeconds);
        try
        {
            var current = await _api.TryGetAsync(ItemPath, cancellationToken).ConfigureAwait(false);
            _onReachable();
            if (current is null)
            {
                var lease = Lease(new LeaseRecord(_settings.Identity, duration, now, now, 0), null);
                await _api.CreateAsync(ResourceTypes.Lease.CollectionPath(_settings.Namespace), lease, cancellationToken).ConfigureAwait(false);
                Observe(LeaseRecord.From(lease));
                return true;
            }

            var record = LeaseRecord.From(current);
            if (record != _observed)
            {
                Observe(record);
            }

            var mine = record.Holder == _settings.Identity;
            if (!mine && record.Holder.Length > 0 && _time.GetElapsedTime(_observedAt) < TimeSpan.FromSeconds(record.DurationSeconds))
            {
                return false;
            }

            var next = mine
                ? record with { DurationSeconds = duration, RenewTime = now }
                : new LeaseRecord(_settings.Identity, duration, now, now, record.Transitions + 1);
            var version = (string?)current["metadata"]?["resourceVersion"];
            await _api.ReplaceAsync(ItemPath, Lease(next, version), cancellationToken).ConfigureAwait(false);
            Observe(next);
            return true;
        }
        catch (KubeApiException ex) when (ex.Code is 409 or 404)
        {
            return false;
        }
        catch (KubeApiException ex) when (ex.Code is 401 or 403)
        {
            throw new ArgoFlowException(ExitCode.Unavailable, $"lease {_settings.Namespace}/{_settings.Name}: {ex.Message}",
                "the agent's Role needs get, create and update on leases (coordination.k8s.io), or run it with --leader-elect=false", ex);
        }
        catch (Exception ex) when (ex is ArgoFlowException { ExitCode: ExitCode.Unavailable } or HttpRequestException or IOException)
        {
            AgentLog.LeaseProblem(_logger, _settings.Name, ex.Message);
            return false;
        }
    }

    private void Observe(LeaseRecord record)
    {
        _observed = record;
        _observedAt = _time.GetTimestamp();
    }

    private async Task ReleaseAsync()
    {
        try
        {
            var current = await _api.TryGetAsync(ItemPath, CancellationToken.None).ConfigureAwait(false);
            if (current is null || LeaseRecord.From(current).Holder != _settings.Identity)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var released = LeaseRecord.From(current) with { Holder = "", DurationSeconds = 1, AcquireTime = now, RenewTime = now };
            await _api.ReplaceAsync(ItemPath, Lease(released, (string?)current["metadata"]?["resourceVersion"]), CancellationToken.None).ConfigureAwait(false);
            AgentLog.Lease(_logger, _settings.Name, _settings.Identity, "released the lease");
        }
        catch (Exception ex) when (ex is ArgoFlowException or HttpRequestException or IOException)
        {
            AgentLog.LeaseProblem(_logger, _settings.Name, $"could not release the lease ({ex.Message}); it expires by itself");
        }
    }

    private JsonObject Lease(LeaseRecord record, string? resourceVersion)
    {
        var metadata = new JsonObject { ["name"] = _settings.Name, ["namespace"] = _settings.Namespace };
        if (resourceVersion is not null)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return new JsonObject
        {
            ["apiVersion"] = ResourceTypes.Lease.ApiVersion,
            ["kind"] = ResourceTypes.Lease.Kind,
            ["metadata"] = metadata,
            ["spec"] = record.ToSpec(),
        };
    }

    private static async Task Quietly(Task work)
    {
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
