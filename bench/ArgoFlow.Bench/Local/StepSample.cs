namespace ArgoFlow.Bench.Local;

/// <summary>Where one step's time went: the service's stages and the caller's wall time (transport, process start...).</summary>
public sealed record StepSample(
    string Name,
    bool Succeeded,
    double DownloadMs,
    double DecodeMs,
    double ProcessMs,
    double EncodeMs,
    double UploadMs,
    double ServiceMs,
    double ClientMs);
