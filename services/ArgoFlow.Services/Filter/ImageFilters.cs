using ArgoFlow.Services.Imaging;
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
    /// <paramref name="cancellationToken"/> is checked before each region, between the tiles of a large denoise, the
    /// bands of a large blur, median, sharpen or edge detection (<see cref="RowBands"/>, <see cref="BandedCanny"/>)
    /// (grayscale and brightnessContrast too: on a new 49-Mpixel output one call spent most of a second faulting its
    /// memory in) and of a large region.
    /// </remarks>
    public static Mat Apply(Mat source, FilterSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        var output = new Mat();
        switch (settings.Operation)
        {
            case "gaussianBlur" when BinomialBlur.Supports(source, settings.KernelSize, settings.Sigma):
                BinomialBlur.Apply(source, output, settings.KernelSize, cancellationToken);
                break;
            case "gaussianBlur":
                RowBands.Apply(source, output, settings.KernelSize / 2,
                    (from, to) => Cv2.GaussianBlur(from, to, new Size(settings.KernelSize, settings.KernelSize), settings.Sigma), cancellationToken);
                break;
            case "medianBlur":
                RowBands.Apply(source, output, settings.KernelSize / 2, (from, to) => Cv2.MedianBlur(from, to, settings.KernelSize), cancellationToken);
                break;
            case "sharpen":
                RowBands.Apply(source, output, SharpenReach(settings), (from, to) => Sharpen(from, to, settings), cancellationToken);
                break;
            case "grayscale":
                RowBands.Apply(source, output, 0, (from, to) => Cv2.CvtColor(from, to, ColorConversionCodes.BGR2GRAY), cancellationToken);
                break;
            case "edges":
                using (var gray = new Mat())
                {
                    Cv2.CvtColor(source, gray, ColorConversionCodes.BGR2GRAY);
                    BandedCanny.Apply(gray, output, settings.LowThreshold, settings.HighThreshold, cancellationToken);
                }

                break;
            case "denoise":
                TiledDenoise.Denoise(source, output, (float)settings.Strength, cancellationToken);
                break;
            case "brightnessContrast":
                RowBands.Apply(source, output, 0, (from, to) => from.ConvertTo(to, -1, settings.Contrast, settings.Brightness), cancellationToken);
                break;
            case "blurRegions":
            case "pixelateRegions":
                MatBands.Copy(source, output, cancellationToken);
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
        Cv2.GaussianBlur(source, blurred, new Size(0, 0), SharpenSigma(settings));
        Cv2.AddWeighted(source, 1 + settings.Amount, blurred, -settings.Amount, 0, output);
    }

    private static double SharpenSigma(FilterSettings settings) => settings.Sigma > 0 ? settings.Sigma : 1.5;

    /// <summary>The reach of the sharpen's blur: OpenCV sizes an 8-bit Gaussian kernel from sigma as round(6 sigma + 1), made odd.</summary>
    private static int SharpenReach(FilterSettings settings) => (((int)Math.Round((SharpenSigma(settings) * 6) + 1) | 1) / 2) + 1;

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
                BlurRegion(image, roi, region, k, settings.Sigma, cancellationToken);
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

    /// <summary>
    /// Blurs one region in place. A large one goes in bands of rows so a cancel is seen between them; the bands read
    /// from a copy of the region and the <c>k / 2</c> pixels around it taken before the first band is written (in place,
    /// a band's upper neighbours would already be blurred), as views of that copy, which is what the single call on
    /// a view of the image read. A region that is the whole image is not a view, and OpenCV then takes its bit-exact
    /// code, so it goes through <see cref="RowBands"/> like a whole-image blur. Same bytes either way (RowBandsTests).
    /// </summary>
    private static void BlurRegion(Mat image, Mat roi, Rect region, int k, double sigma, CancellationToken cancellationToken)
    {
        var kernel = new Size(k, k);
        var reach = k / 2;
        var rows = RowBands.BandRows(region.Width, region.Height, reach);
        if (rows == 0)
        {
            Cv2.GaussianBlur(roi, roi, kernel, sigma);
            return;
        }

        if (region.Width == image.Width && region.Height == image.Height)
        {
            using var blurred = new Mat();
            RowBands.Apply(image, blurred, reach, (from, to) => Cv2.GaussianBlur(from, to, kernel, sigma), cancellationToken);
            blurred.CopyTo(image);
            return;
        }

        var around = new Rect(region.X - reach, region.Y - reach, region.Width + (2 * reach), region.Height + (2 * reach))
            .Intersect(new Rect(0, 0, image.Width, image.Height));
        using var copy = new Mat(image, around).Clone();
        for (var top = 0; top < region.Height; top += rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var height = Math.Min(rows, region.Height - top);
            using var from = new Mat(copy, new Rect(region.X - around.X, region.Y - around.Y + top, region.Width, height));
            using var to = new Mat(image, new Rect(region.X, region.Y + top, region.Width, height));
            Cv2.GaussianBlur(from, to, kernel, sigma);
        }
    }
}
