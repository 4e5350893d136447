namespace ArgoFlow.Services.Detect;

/// <summary>
/// Thresholds of one detect call. <see cref="Classes"/> empty means every class; otherwise only those class
/// names are kept (before NMS, so an ignored class never suppresses a wanted one).
/// </summary>
public sealed record DetectSettings(float ScoreThreshold, float IouThreshold, int MaxDetections)
{
    public IReadOnlySet<string> Classes { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
