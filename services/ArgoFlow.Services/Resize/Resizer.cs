using OpenCvSharp;

namespace ArgoFlow.Services.Resize;

/// <summary>
/// Pure resize on an OpenCV Mat: no storage, no transport. Used by the Resize service and, directly, by the
/// in-process benchmark mode.
/// </summary>
public static class Resizer
{
    /// <summary>The size the result will have, and the size to scale to before a centre crop ("fill").</summary>
    public static (Size Output, Size Scaled) Plan(int sourceWidth, int sourceHeight, ResizeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        double w = sourceWidth, h = sourceHeight;
        if (settings.MaxSide is { } max)
        {
            var size = Scaled(w, h, max / Math.Max(w, h));
            return (size, size);
        }

        switch (settings.Width, settings.Height)
        {
            case ({ } width, null):
                return Same(new Size(width, Round(h * width / w)));
            case (null, { } height):
                return Same(new Size(Round(w * height / h), height));
            case ({ } width, { } height) when settings.Fit == "stretch":
                return Same(new Size(width, height));
            case ({ } width, { } height) when settings.Fit == "fill":
                var cover = Math.Max(width / w, height / h);
                var scaled = new Size(Math.Max(width, (int)Math.Ceiling(w * cover - 1e-9)), Math.Max(height, (int)Math.Ceiling(h * cover - 1e-9)));
                return (new Size(width, height), scaled);
            case ({ } width, { } height):
                var inside = Math.Min(width / w, height / h);
                return Same(new Size(Math.Min(width, Round(w * inside)), Math.Min(height, Round(h * inside))));
            default:
                throw new ArgumentException("a resize needs width, height or maxSide", nameof(settings));
        }
    }

    /// <summary>
    /// The largest JPEG decode reduction (8, 4, 2, else 1) that still leaves at least the pixels the resize scales
    /// to, so the resize stays a shrink and the output size is unchanged. A 1920x1080 -> 640x360 resize decodes at
    /// 960x540.
    /// </summary>
    public static int DecodeReduction(int sourceWidth, int sourceHeight, ResizeSettings settings)
    {
        var (_, scaled) = Plan(sourceWidth, sourceHeight, settings);
        foreach (var reduce in (int[])[8, 4, 2])
        {
            if (sourceWidth / reduce >= scaled.Width && sourceHeight / reduce >= scaled.Height)
            {
                return reduce;
            }
        }

        return 1;
    }

    /// <summary>Resizes (and for "fill" crops the centre of) the source into a new Mat the caller disposes.</summary>
    public static Mat Resize(Mat source, ResizeSettings settings) =>
        Resize(source, settings, source?.Width ?? 0, source?.Height ?? 0);

    /// <summary>
    /// Resizes a source that was decoded smaller than it is stored (see <see cref="DecodeReduction"/>): the output
    /// size is planned from the stored <paramref name="sourceWidth"/> x <paramref name="sourceHeight"/>, so it is
    /// the same as with a full decode.
    /// </summary>
    public static Mat Resize(Mat source, ResizeSettings settings, int sourceWidth, int sourceHeight)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        var (output, scaled) = Plan(sourceWidth, sourceHeight, settings);
        var resized = new Mat();
        Cv2.Resize(source, resized, scaled, 0, 0, Interpolation(settings.Interpolation));
        if (scaled == output)
        {
            return resized;
        }

        using (resized)
        {
            var x = (scaled.Width - output.Width) / 2;
            var y = (scaled.Height - output.Height) / 2;
            using var view = new Mat(resized, new Rect(x, y, output.Width, output.Height));
            return view.Clone();
        }
    }

    public static InterpolationFlags Interpolation(string name) => name switch
    {
        "linear" => InterpolationFlags.Linear,
        "cubic" => InterpolationFlags.Cubic,
        "lanczos" => InterpolationFlags.Lanczos4,
        _ => InterpolationFlags.Area,
    };

    private static (Size, Size) Same(Size size) => (size, size);

    private static Size Scaled(double w, double h, double scale) => new(Round(w * scale), Round(h * scale));

    private static int Round(double value) => Math.Max(1, (int)Math.Round(value, MidpointRounding.AwayFromZero));
}
