namespace ArgoFlow.Bench.Cluster;

/// <summary>Progress of a cluster bench: which run of how many just finished, and how.</summary>
public sealed record ClusterBenchProgress(int Done, int Total, ClusterRunSample Last);
