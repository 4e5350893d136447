using OpenCvSharp;

namespace ArgoFlow.Services.Resize;

/// <summary>
/// A linear, cubic or lanczos <c>Cv2.Resize</c> computed in horizontal bands, with the call's cancellation checked
/// between bands: one whole-image call cannot be interrupted (a lanczos resize to 6000x4500 takes about 0.4 s here
/// and a cancel waited for it). Each band is <c>Cv2.Resize</c> of the source rows it needs plus the kernel's reach.
/// OpenCV places output row <c>d</c> of a call at source position <c>(d + 0.5) * scale - 0.5</c> from the call's own
/// first row, so a band may start only at a source row whose output position is a whole row: a multiple of
/// <c>sourceHeight / gcd(sourceHeight, outputHeight)</c>. When that period is long or leaves fewer than two bands,
/// a large resize goes to <see cref="RemappedResize"/> and a small one is one call as before. Bands differ from a whole-image call by at most 1 (OpenCV
/// rounds the row positions to float, which is more exact near a band's origin than far down the image;
/// measured in docs/services.md).
/// </summary>
internal static class BandedResize
{
    /// <summary>
    /// Below this many output pixels the single call is short (a lanczos resize to just under 4 megapixels takes
    /// about 60 ms here, docs/services.md) and stays exactly as it was.
    /// </summary>
    public const long MinPixels = 4_000_000;

    /// <summary>
    /// About this many output pixels per band: 20-40 ms of lanczos work between looks at the token. Smaller bands
    /// re-read more margin rows (1 Mpixel bands made a 6000x4500 lanczos resize 20% slower, 2 Mpixel about 10%).
    /// </summary>
    private const long BandPixels = 1 << 21;

    /// <summary>Bands start on multiples of this many source rows at most: each re-reads up to that many.</summary>
    private const int MaxPeriod = 64;

    /// <summary>Source rows a band reads beyond the rows its output samples: lanczos4 reaches 3 above and 4 below, plus one.</summary>
    private const int Reach = 5;

    /// <summary>Resizes <paramref name="source"/> to <paramref name="size"/> into <paramref name="output"/>.</summary>
    public static void Resize(Mat source, Mat output, Size size, InterpolationFlags interpolation, CancellationToken cancellationToken = default)
    {
        var bandRows = BandRows(source.Rows, size);
        if (bandRows == 0 && (long)size.Width * size.Height >= MinPixels && size.Height >= 2)
        {
            // Large, but the rows never line up: remapped in bands instead of one call that cannot be stopped.
            RemappedResize.Resize(source, output, size, interpolation, cancellationToken);
            return;
        }

        if (bandRows == 0)
        {
            Cv2.Resize(source, output, size, 0, 0, interpolation);
            return;
        }

        // A band's source rows start and end on whole output rows, so the destination size OpenCV is given for it
        // has exactly the whole image's ratio: the same inverse scales (a correctly rounded division of the same
        // fraction), the same row positions. It writes straight into the output's rows; the few rows at its top that
        // the band above already got right (here the band's own edge is copied, not the image's) are kept aside
        // and put back.
        var (period, outputPeriod) = Periods(source.Rows, size.Height);
        double scaleY = (double)source.Rows / size.Height;
        output.Create(size.Height, size.Width, source.Type());
        using var kept = new Mat();
        for (var top = 0; top < size.Height; top += bandRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bottom = Math.Min(size.Height, top + bandRows);
            var first = (int)Math.Floor(((top + 0.5) * scaleY) - 0.5) - Reach;
            var last = (int)Math.Floor(((bottom - 0.5) * scaleY) - 0.5) + Reach;
            var origin = Math.Max(0, first) / period * period;
            var end = Math.Min(source.Rows, ((last / period) + 1) * period);
            var skip = origin / period * outputPeriod;
            var rows = (end - origin) / period * outputPeriod;
            var keep = top > skip;
            if (keep)
            {
                using var above = output.RowRange(skip, top);
                above.CopyTo(kept);
            }

            using (var from = source.RowRange(origin, end))
            using (var to = output.RowRange(skip, skip + rows))
            {
                Cv2.Resize(from, to, new Size(size.Width, rows), 0, 0, interpolation);
            }

            if (keep)
            {
                using var restored = output.RowRange(skip, top);
                kept.CopyTo(restored);
            }
        }
    }

    /// <summary>Output rows per band (a multiple of the output period), or 0 to resize in one call.</summary>
    internal static int BandRows(int sourceHeight, Size size)
    {
        if ((long)size.Width * size.Height < MinPixels)
        {
            return 0;
        }

        var (period, outputPeriod) = Periods(sourceHeight, size.Height);
        if (period > MaxPeriod)
        {
            return 0;
        }

        var wanted = (int)Math.Max(1, BandPixels / size.Width);
        var rows = Math.Max(1, wanted / outputPeriod) * outputPeriod;
        return rows * 2 <= size.Height ? rows : 0;
    }

    /// <summary>Source rows and output rows of the shortest stretch that starts and ends on whole rows of both.</summary>
    private static (int Source, int Output) Periods(int sourceHeight, int outputHeight)
    {
        var divisor = Gcd(sourceHeight, outputHeight);
        return (sourceHeight / divisor, outputHeight / divisor);
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
