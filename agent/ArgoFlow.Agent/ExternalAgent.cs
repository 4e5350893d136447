using ArgoFlow.Agent.Dispatch;
using ArgoFlow.Agent.Hosting;
using ArgoFlow.Agent.Http;
using ArgoFlow.Agent.Leases;
using ArgoFlow.Agent.Patching;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Runner;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArgoFlow.Agent;

/// <summary>
/// `argoflow agent` as a library: Argo's agent for clusters with <c>disableAgentPodCreation</c>. It serves the
/// WorkflowTaskSets of its namespaces until <see cref="RunAsync"/> is cancelled - then it stops taking tasks,
/// lets the running ones finish (up to <see cref="AgentOptions.DrainTimeout"/>), patches their results and
/// releases its lease. With a <see cref="AgentOptions.Lease"/>, only the replica holding it works.
/// </summary>
public sealed class ExternalAgent : IDisposable
{
    private readonly KubeApiClient _api;
    private readonly AgentOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly AgentRuntime _runtime;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _kill = new();
    private volatile bool _synced;
    private volatile bool _reachable;

    /// <param name="api">The cluster connection (kubeconfig or in-cluster).</param>
    /// <param name="options">The settings; invalid ones throw a usage error listing every problem.</param>
    /// <param name="invoker">Calls the warm services for argoflow plugin templates (the step client).</param>
    /// <param name="loggers">Logging; none by default.</param>
    /// <param name="condition">successCondition evaluation; default <see cref="ExprSuccessCondition"/>.</param>
    public ExternalAgent(KubeApiClient api, AgentOptions options, IStepInvoker invoker, ILoggerFactory? loggers = null, ISuccessCondition? condition = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(invoker);
        condition ??= new ExprSuccessCondition();
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgoFlowException(ExitCode.Usage, string.Join("; ", problems));
        }

        _api = api;
        _options = options;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger<ExternalAgent>();
        _runtime = new AgentRuntime(api, options, invoker, condition, _loggers);
    }

    public AgentMetrics Metrics { get; } = new();

    /// <summary>Completes the first time the agent is ready: leading with every TaskSet listed, or a standby that reaches the API.</summary>
    public Task Ready => _ready.Task;

    /// <summary>/readyz: leading and listed, or standing by with the API server reachable.</summary>
    public bool IsReady => _synced || (_options.Lease is not null && _reachable && !IsLeading);

    public bool IsLeading { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        AgentLog.Started(_logger, _options.Namespaces.Count == 0 ? "(all)" : string.Join(",", _options.Namespaces), _options.Workers,
            _options.PatchWindow.TotalMilliseconds, string.Join(",", _options.Plugins.Select(p => p.Name).Prepend("argoflow")));
        if (_options.Lease is not { } lease)
        {
            await LeadAsync(stop, _kill.Token).ConfigureAwait(false);
            return;
        }

        var elector = new LeaseElector(_api, lease, _options.TimeProvider, Metrics, _logger, () =>
        {
            _reachable = true;
            if (!IsLeading)
            {
                _ready.TrySetResult();
            }
        });
        await elector.RunAsync(LeadAsync, stop, _kill.Token).ConfigureAwait(false);
    }

    /// <summary>Ends at once, as a killed process would: no drain, no patches, the lease is not released.</summary>
    public void Kill() => _kill.Cancel();

    private async Task LeadAsync(CancellationToken stop, CancellationToken abort)
    {
        IsLeading = true;
        using var session = CancellationTokenSource.CreateLinkedTokenSource(abort, _kill.Token);
        var patcher = new ResultPatcher(_api, _options, Metrics, _logger, session.Token);
        using var dispatcher = new TaskDispatcher(_runtime.Executor, patcher, _options, Metrics, _logger, session.Token);
        using var watchStop = CancellationTokenSource.CreateLinkedTokenSource(stop, session.Token);
        var scopes = _options.Namespaces.Count == 0 ? [null] : _options.Namespaces.Select(n => (string?)n).ToList();
        var listed = scopes.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var watches = scopes.Select((ns, i) => new TaskSetInformer(_api, ns, _options, dispatcher.Events, _logger).RunAsync(listed[i], watchStop.Token)).ToList();
        var loop = dispatcher.RunAsync(watchStop.Token);
        _ = Task.WhenAll(listed.Select(l => l.Task)).ContinueWith(_ =>
        {
            _synced = true;
            _ready.TrySetResult();
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        try
        {
            var all = Task.WhenAll(watches);
            await Task.WhenAny(all, Task.Delay(Timeout.Infinite, watchStop.Token)).ConfigureAwait(false);
            if (all.IsFaulted)
            {
                await session.CancelAsync().ConfigureAwait(false);
                await all.ConfigureAwait(false);
            }

            await loop.ConfigureAwait(false);
            if (!session.IsCancellationRequested)
            {
                await dispatcher.DrainAsync(_options.DrainTimeout).ConfigureAwait(false);
            }
        }
        finally
        {
            _synced = false;
            IsLeading = false;
            await session.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(watches.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _runtime.Dispose();
        _kill.Dispose();
    }
}
