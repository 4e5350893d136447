namespace ArgoFlow.Services.Imaging;

/// <summary>Guards against huge objects and decompression bombs. Checked before any pixel is decoded.</summary>
public sealed class ImageLimits
{
    /// <summary>Largest object read from storage, in bytes. Default 64 MiB.</summary>
    public long MaxObjectBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest image accepted, in pixels (width x height, from the header). Default 50 megapixels.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>
    /// Most scans a JPEG may have (progressive JPEGs have about 10; each scan is a pass over the whole image).
    /// Default 100.
    /// </summary>
    public int MaxJpegScans { get; set; } = 100;

    /// <summary>
    /// Most regions one blurRegions or pixelateRegions call may name (the request's plus the detections file's,
    /// before overlapping ones are merged). Default 1000.
    /// </summary>
    public int MaxRegions { get; set; } = 1000;

    public IEnumerable<string> Validate()
    {
        if (MaxObjectBytes is < 1 or > int.MaxValue)
        {
            yield return $"limits.maxObjectBytes: must be in 1..{int.MaxValue}, got {MaxObjectBytes}";
        }

        if (MaxPixels < 1)
        {
            yield return $"limits.maxPixels: must be >= 1, got {MaxPixels}";
        }

        if (MaxJpegScans < 1)
        {
            yield return $"limits.maxJpegScans: must be >= 1, got {MaxJpegScans}";
        }

        if (MaxRegions < 1)
        {
            yield return $"limits.maxRegions: must be >= 1, got {MaxRegions}";
        }
    }
}
