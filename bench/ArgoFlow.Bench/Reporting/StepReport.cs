namespace ArgoFlow.Bench.Reporting;

/// <summary>
/// One step's breakdown, medians over the mode's successful runs: the service's stages, the service's own total,
/// the caller's wall time, and the difference (transport, queueing, process start in cold mode).
/// </summary>
public sealed record StepReport(
    string Name,
    int N,
    double DownloadMs,
    double DecodeMs,
    double ProcessMs,
    double EncodeMs,
    double UploadMs,
    double ServiceMs,
    double ClientMs,
    double OverheadMs);
