using ArgoFlow.Cluster.Controller;

namespace ArgoFlow.Bench.Reporting;

/// <summary>The cluster a cluster bench ran against, and its workflow-controller settings.</summary>
public sealed record ClusterEnvironment(string Server, string? Context, string Namespace, ControllerSettings Controller);
