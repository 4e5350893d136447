using ArgoFlow.Agent.Leases;
using ArgoFlow.Agent.Plugins;
using ArgoFlow.Cluster.Watch;

namespace ArgoFlow.Agent;

/// <summary>Settings of `argoflow agent`. Every default is what the command uses without flags.</summary>
public sealed class AgentOptions
{
    /// <summary>The namespaces whose TaskSets this agent serves; empty means all namespaces (needs a ClusterRole).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Tasks executed at the same time. Default 16, Argo's ARGO_AGENT_TASK_WORKERS default.</summary>
    public int Workers { get; init; } = 16;

    /// <summary>
    /// How long results of one TaskSet are collected before one merge patch carries them all. Default 5 ms
    /// (Argo's agent: ARGO_AGENT_PATCH_RATE, default 10 s).
    /// </summary>
    public TimeSpan PatchWindow { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>First pause before retrying a patch that failed with a transient error; doubled each time. Default 100 ms.</summary>
    public TimeSpan PatchRetryInitial { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest pause between patch retries. Default 5 s. Transient failures are retried until the TaskSet goes away.</summary>
    public TimeSpan PatchRetryMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an argoflow plugin call may run before its node is reported Running and asked again. Default 20 s,
    /// as `argoflow plugin serve --requeue-after`.
    /// </summary>
    public TimeSpan PluginRequeueAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The requeue reported with a Running argoflow plugin node. Default 1 s, as the sidecar.</summary>
    public TimeSpan PluginRequeueInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// First pause before asking a plugin again after a 503 or an unreachable plugin; doubled up to 5 attempts.
    /// Default 1 s, Argo's plugin client.
    /// </summary>
    public TimeSpan PluginRetryInitial { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The gRPC endpoints argoflow plugin templates may name (--allow-endpoint, as `argoflow plugin serve`); others
    /// fail their node. Default: the generated Services' in-cluster names and loopback.
    /// </summary>
    public IReadOnlyList<string> AllowedEndpoints { get; init; } = ArgoFlow.Steps.Plugin.EndpointAllowList.Defaults;

    /// <summary>Other executor plugins, asked in this order after the built-in argoflow plugin (--plugin NAME=URL[,token-file]).</summary>
    public IReadOnlyList<PluginEndpoint> Plugins { get; init; } = [];

    /// <summary>Leader election between replicas; null runs without a Lease (one replica only).</summary>
    public LeaseSettings? Lease { get; init; }

    /// <summary>On SIGTERM, how long in-flight tasks may run before they are cancelled. Default 25 s (pods get 30 s).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>An http template's response body above this is a Failed node instead of an unbounded read. Default 8 MiB.</summary>
    public long MaxResponseBytes { get; init; } = 8L << 20;

    /// <summary>How the TaskSet watches reconnect; an agent never stops retrying, this only paces it.</summary>
    public WatchSettings Watch { get; init; } = new() { MaxReconnectAttempts = int.MaxValue };

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Every problem with the settings at once, for one usage error.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Workers < 1)
        {
            problems.Add($"--workers must be >= 1, got {Workers}");
        }

        if (PatchWindow < TimeSpan.Zero || PatchWindow > TimeSpan.FromSeconds(60))
        {
            problems.Add("--patch-window must be between 0 and 60 s");
        }

        if (Namespaces.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("--namespace must not be empty");
        }

        foreach (var duplicate in Plugins.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"--plugin {duplicate.Key} is given {duplicate.Count()} times");
        }

        if (Lease is not null)
        {
            problems.AddRange(Lease.Validate());
        }

        return problems;
    }
}
