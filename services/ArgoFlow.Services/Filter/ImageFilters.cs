using OpenCvSharp;

namespace ArgoFlow.Services.Filter;

/// <summary>
/// Pure filters on an OpenCV Mat (BGR in; BGR or single-channel out): no storage, no transport. Used by the
/// Filter service and directly by the in-process benchmark mode.
/// </summary>
public static class ImageFilters
{
    /// <summary>Applies the operation and returns a new Mat the caller disposes; the source is not modified.</summary>
    /// <remarks>
    /// Region operations check <paramref name="cancellationToken"/> before each region and a large denoise between bands of
    /// rows; the others are one OpenCV call.
    /// </remarks>
    public static Mat Apply(Mat source, FilterSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        var output = new Mat();
        switch (settings.Operation)
        {
            case "gaussianBlur" when BinomialBlur.Supports(source, settings.KernelSize, settings.Sigma):
                BinomialBlur.Apply(source, output, settings.KernelSize);
                break;
            case "gaussianBlur":
                Cv2.GaussianBlur(source, output, new Size(settings.KernelSize, settings.KernelSize), settings.Sigma);
                break;
            case "medianBlur":
                Cv2.MedianBlur(source, output, settings.KernelSize);
                break;
            case "sharpen":
                Sharpen(source, output, settings);
                break;
            case "grayscale":
                Cv2.CvtColor(source, output, ColorConversionCodes.BGR2GRAY);
                break;
            case "edges":
                using (var gray = new Mat())
                {
                    Cv2.CvtColor(source, gray, ColorConversionCodes.BGR2GRAY);
                    Cv2.Canny(gray, output, settings.LowThreshold, settings.HighThreshold);
                }

                break;
            case "denoise":
                TiledDenoise.Denoise(source, output, (float)settings.Strength, cancellationToken);
                break;
            case "brightnessContrast":
                source.ConvertTo(output, -1, settings.Contrast, settings.Brightness);
                break;
            case "blurRegions":
            case "pixelateRegions":
                source.CopyTo(output);
                ApplyToRegions(output, settings, cancellationToken);
                break;
            default:
                output.Dispose();
                throw new ArgumentException($"unknown filter operation '{settings.Operation}'", nameof(settings));
        }

        return output;
    }

    /// <summary>The regions clipped to the image; empty ones dropped.</summary>
    public static IEnumerable<Rect> Clip(IEnumerable<Rect> regions, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var bounds = new Rect(0, 0, width, height);
        return regions.Select(r => r.Intersect(bounds)).Where(r => r.Width > 0 && r.Height > 0);
    }

    private static void Sharpen(Mat source, Mat output, FilterSettings settings)
    {
        // Unsharp mask: out = src + amount * (src - blur(src)).
        using var blurred = new Mat();
        var sigma = settings.Sigma > 0 ? settings.Sigma : 1.5;
        Cv2.GaussianBlur(source, blurred, new Size(0, 0), sigma);
        Cv2.AddWeighted(source, 1 + settings.Amount, blurred, -settings.Amount, 0, output);
    }

    private static void ApplyToRegions(Mat image, FilterSettings settings, CancellationToken cancellationToken)
    {
        foreach (var region in RegionSet.Merge(settings.Regions, image.Width, image.Height))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A ROI view writes only inside the region; the blur may read neighbours for its border.
            using var roi = new Mat(image, region);
            if (settings.Operation == "blurRegions")
            {
                var k = Math.Max(3, Math.Min(settings.KernelSize, (Math.Min(region.Width, region.Height) * 2) + 1) | 1);
                Cv2.GaussianBlur(roi, roi, new Size(k, k), settings.Sigma);
            }
            else
            {
                var small = new Size(Math.Max(1, region.Width / settings.BlockSize), Math.Max(1, region.Height / settings.BlockSize));
                using var tiny = new Mat();
                Cv2.Resize(roi, tiny, small, 0, 0, InterpolationFlags.Area);
                Cv2.Resize(tiny, roi, region.Size, 0, 0, InterpolationFlags.Nearest);
            }
        }
    }
}
