using ArgoFlow.Cluster.Controller;

namespace ArgoFlow.Bench.Reporting;

/// <summary>
/// The cluster part of a cluster benchmark's report (null for local ones): where it ran, the workflow-controller
/// settings that bound step latency with what to change, each mode's status times and each step's times.
/// </summary>
/// <param name="StatusTimes">Per mode: finishedAt - startedAt of the workflow (1-second resolution).</param>
/// <param name="Steps">Per mode and step: the status duration and, when the watch saw it, the observed one.</param>
public sealed record ClusterReport(
    string Server,
    string? Context,
    string Namespace,
    ControllerSettings Controller,
    IReadOnlyList<string> Advice,
    IReadOnlyList<ClusterTiming> StatusTimes,
    IReadOnlyList<ClusterTiming> Steps);
