namespace ArgoFlow.Bench.Cluster;

/// <summary>One step of a benchmarked workflow: status duration and the client-observed duration when seen.</summary>
public sealed record ClusterStepSample(string Name, string Phase, double? StatusMs, double? ObservedMs);
