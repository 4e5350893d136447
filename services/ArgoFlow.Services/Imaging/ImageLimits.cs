namespace ArgoFlow.Services.Imaging;

/// <summary>Guards against huge objects and decompression bombs. Checked before any pixel is decoded.</summary>
public sealed class ImageLimits
{
    /// <summary>Largest object read from storage, in bytes. Default 64 MiB.</summary>
    public long MaxObjectBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest image accepted, in pixels (width x height, from the header). Default 50 megapixels.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

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
    }
}
