namespace ArgoFlow.Bench.Cluster;

/// <summary>What `argoflow bench --cluster` runs.</summary>
public sealed record ClusterBenchOptions
{
    /// <summary>WorkflowTemplate names, one mode each (e.g. the same spec generated in http, plugin and container mode).</summary>
    public required IReadOnlyList<string> Templates { get; init; }

    /// <summary>Measured workflows per template. Default 5.</summary>
    public int Runs { get; init; } = 5;

    /// <summary>Extra workflows per template run first and left out of the statistics. Default 0.</summary>
    public int Warmup { get; init; }

    /// <summary>-p NAME=VALUE passed to every workflow (each template must declare them).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Longest wait for one workflow before it counts as a failure. Default 10 minutes.</summary>
    public TimeSpan WorkflowTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Where the workflow-controller Deployment lives. Default "argo".</summary>
    public string ControllerNamespace { get; init; } = "argo";
}
