namespace ArgoFlow.Bench.Cluster;

/// <summary>
/// One benchmarked workflow: client wall time (create request to seeing the final phase), the status duration
/// (finishedAt - startedAt, 1-second resolution) and each step's times.
/// </summary>
public sealed record ClusterRunSample(
    string Template,
    int Iteration,
    bool Warmup,
    string Workflow,
    string Phase,
    double WallMs,
    double? StatusMs,
    IReadOnlyList<ClusterStepSample> Steps,
    string? Message)
{
    public bool Succeeded => Phase == "Succeeded";
}
