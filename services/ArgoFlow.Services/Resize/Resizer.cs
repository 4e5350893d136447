using System.Globalization;
using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Imaging;
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
            // Shrink only unless asked: enlarging a small photo invents no detail and multiplies the bytes.
            var size = max >= Math.Max(w, h) && !settings.Enlarge
                ? new Size(sourceWidth, sourceHeight)
                : Scaled(w, h, max / Math.Max(w, h));
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
    /// Refuses, before anything is decoded or allocated, a resize whose result - or the scaled image a "fill" crops
    /// from - would be over <paramref name="maxPixels"/> (the limit inputs have) or more than the output format can
    /// hold, in either orientation (EXIF rotation is only known after decoding). A 1x40000 PNG resized to width 320
    /// would otherwise ask for 320x12,800,000 pixels.
    /// </summary>
    public static void CheckSize(int sourceWidth, int sourceHeight, ResizeSettings settings, long maxPixels, string format)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var field = settings.MaxSide is not null ? "maxSide" : settings.Width is not null ? "width" : "height";
        foreach (var (w, h) in new[] { (sourceWidth, sourceHeight), (sourceHeight, sourceWidth) })
        {
            var (output, scaled) = Plan(w, h, settings);
            var pixels = (long)scaled.Width * scaled.Height;
            if (pixels > maxPixels || scaled.Width == int.MaxValue || scaled.Height == int.MaxValue)
            {
                // The same limit, and so the same status, as an input over it (FAILED_PRECONDITION), naming the field.
                throw new StepException(StepFailure.TooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"{field}: resizing the {w}x{h} image this way makes {scaled.Width}x{scaled.Height} ({pixels} pixels); the limit is {maxPixels}"), field);
            }

            ImageCodec.CheckEncodable(output.Width, output.Height, format);
        }
    }

    /// <summary>
    /// The largest JPEG decode reduction (8, 4, 2, else 1) whose result is still at least the size this resize
    /// scales to - in either orientation, since EXIF rotation is only known after decoding.
    /// </summary>
    public static int ReductionFor(int sourceWidth, int sourceHeight, ResizeSettings settings)
    {
        foreach (var factor in ArgoFlow.Services.Imaging.ImageCodec.Reductions)
        {
            int reduced(int side) => (side + factor - 1) / factor;
            var upright = Plan(sourceWidth, sourceHeight, settings).Scaled;
            var turned = Plan(sourceHeight, sourceWidth, settings).Scaled;
            if (reduced(sourceWidth) >= upright.Width && reduced(sourceHeight) >= upright.Height &&
                reduced(sourceHeight) >= turned.Width && reduced(sourceWidth) >= turned.Height)
            {
                return factor;
            }
        }

        return 1;
    }

    /// <summary>Resizes (and for "fill" crops the centre of) the source into a new Mat the caller disposes.</summary>
    /// <param name="source">The image, possibly decoded at a reduced size.</param>
    /// <param name="settings">The resize.</param>
    /// <param name="sourceSize">The full size the plan is made for, when <paramref name="source"/> was decoded reduced.</param>
    /// <param name="cancellationToken">Checked between the bands of a large linear, cubic or lanczos resize (<see cref="BandedResize"/>,
    /// <see cref="RemappedResize"/>) and of an area shrink done here (<see cref="AreaShrink"/>); OpenCV's own area resize (whole-number
    /// factors, shrinks by 3 or more) is one call, at most about 75 ms on 49 Mpixels here.</param>
    public static Mat Resize(Mat source, ResizeSettings settings, Size? sourceSize = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        var full = sourceSize ?? source.Size();
        var (output, scaled) = Plan(full.Width, full.Height, settings);
        var resized = new Mat();
        var interpolation = Interpolation(settings.Interpolation);
        if (interpolation == InterpolationFlags.Area)
        {
            AreaShrink.Resize(source, resized, scaled, cancellationToken);
        }
        else
        {
            BandedResize.Resize(source, resized, scaled, interpolation, cancellationToken);
        }

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
