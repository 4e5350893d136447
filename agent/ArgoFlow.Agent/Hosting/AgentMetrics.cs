using Prometheus;

namespace ArgoFlow.Agent.Hosting;

/// <summary>
/// The agent's Prometheus metrics, in their own registry (agents in one test process do not mix), served on
/// /metrics: tasks by type and phase, tasks in flight, the time from seeing a task to its result being patched,
/// patches by outcome, results that could not be reported, and whether this replica leads.
/// </summary>
public sealed class AgentMetrics
{
    private static readonly double[] Buckets = Histogram.ExponentialBuckets(0.001, 2, 18);
    private readonly Counter _tasks;
    private readonly Gauge _inFlight;
    private readonly Histogram _resultLatency;
    private readonly Counter _patches;
    private readonly Counter _dropped;
    private readonly Gauge _leader;

    public AgentMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _tasks = factory.CreateCounter("argoflow_agent_tasks_total", "Tasks executed, by template type and the phase reported.",
            new CounterConfiguration { LabelNames = ["type", "phase"] });
        _inFlight = factory.CreateGauge("argoflow_agent_tasks_in_flight", "Tasks executing now.");
        _resultLatency = factory.CreateHistogram("argoflow_agent_result_seconds",
            "From the agent seeing a task in a WorkflowTaskSet to its result being patched.", new HistogramConfiguration { Buckets = Buckets });
        _patches = factory.CreateCounter("argoflow_agent_patches_total",
            "Status patches by outcome: ok, retried (transient error), error_marked (results replaced by Error), dropped.",
            new CounterConfiguration { LabelNames = ["outcome"] });
        _dropped = factory.CreateCounter("argoflow_agent_results_dropped_total",
            "Results that could not be reported (TaskSet deleted, or even the Error result was refused); each is logged.");
        _leader = factory.CreateGauge("argoflow_agent_leader", "1 while this replica holds the lease and executes tasks.");
    }

    public CollectorRegistry Registry { get; }

    public IDisposable TrackInFlight() => _inFlight.TrackInProgress();

    public void Executed(string type, string? phase) => _tasks.WithLabels(type, phase ?? "").Inc();

    public void Patched(string outcome, int results = 1) => _patches.WithLabels(outcome).Inc(results);

    public void ResultLatency(TimeSpan elapsed) => _resultLatency.Observe(elapsed.TotalSeconds);

    public void Dropped(int results) => _dropped.Inc(results);

    public void Leading(bool leading) => _leader.Set(leading ? 1 : 0);

    /// <summary>Results patched so far (tests and the bench read it).</summary>
    public long ResultsPatched => (long)_patches.WithLabels("ok").Value;

    /// <summary>Results not reported so far.</summary>
    public long ResultsDropped => (long)_dropped.Value;
}
