using OpenCvSharp;

namespace ArgoFlow.Services.Resize;

/// <summary>
/// A linear, cubic or lanczos <c>Cv2.Resize</c> computed in horizontal bands, with the call's cancellation checked
/// between bands: one whole-image call cannot be interrupted (a lanczos resize to 6000x4500 takes about 0.4 s here
/// and a cancel waited for it). Each band is <c>Cv2.Resize</c> of the source rows it needs plus the kernel's reach.
/// OpenCV places output row <c>d</c> of a call at source position <c>(d + 0.5) * scale - 0.5</c> from the call's own
/// first row, so a band may start only at a source row whose output position is a whole row: a multiple of
/// <c>sourceHeight / gcd(sourceHeight, outputHeight)</c>. When that period is long or leaves fewer than two bands,
/// the same is tried on columns; when neither axis gives bands, a large lanczos resize goes to
/// <see cref="RemappedResize"/>, a large linear or cubic one is one call into memory faulted in beforehand, and a small
/// one is one call as before. Bands differ from a whole-image call by at most 1 (OpenCV
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
        if (bandRows > 0)
        {
            Bands(source, output, size, interpolation, columns: false, bandRows, cancellationToken);
            return;
        }

        // The rows never line up; the columns may (a width the user chose often shares a factor with the source's).
        var bandColumns = BandRows(source.Cols, new Size(size.Height, size.Width));
        if (bandColumns > 0)
        {
            Bands(source, output, size, interpolation, columns: true, bandColumns, cancellationToken);
            return;
        }

        if ((long)size.Width * size.Height < MinPixels || size.Height < 2)
        {
            Cv2.Resize(source, output, size, 0, 0, interpolation);
        }
        else if (interpolation == InterpolationFlags.Lanczos4)
        {
            // Neither lines up: lanczos is slow enough (about 300 ms for 50 Mpixels here) to be remapped in bands.
            RemappedResize.Resize(source, output, size, interpolation, cancellationToken);
        }
        else
        {
            // Linear and cubic compute a 50-Mpixel output in about 150 ms here; the rest of one call was page faults
            // on its new output, which are taken here in bands first.
            Imaging.MatBands.CreateZeroed(output, size.Height, size.Width, source.Type(), cancellationToken);
            Cv2.Resize(source, output, size, 0, 0, interpolation);
        }
    }

    /// <summary>
    /// The banded resize along rows, or along columns with the same arithmetic on the other axis. A band's source
    /// rows start and end on whole output rows, so the destination size OpenCV is given for it has exactly the whole
    /// image's ratio: the same inverse scales (a correctly rounded division of the same fraction), the same row
    /// positions. It writes straight into the output's rows; the few rows at its top that the band above already got
    /// right (here the band's own edge is copied, not the image's) are kept aside and put back.
    /// </summary>
    private static void Bands(Mat source, Mat output, Size size, InterpolationFlags interpolation, bool columns, int bandRows,
        CancellationToken cancellationToken)
    {
#pragma warning disable OCVS004 // Every caller of Slice disposes the view it returns (using).
        Mat Slice(Mat m, int from, int to) => columns ? m.ColRange(from, to) : m.RowRange(from, to);
#pragma warning restore OCVS004
        var (sourceLength, outputLength, across) = columns ? (source.Cols, size.Width, size.Height) : (source.Rows, size.Height, size.Width);
        var (period, outputPeriod) = Periods(sourceLength, outputLength);
        double scale = (double)sourceLength / outputLength;
        output.Create(size.Height, size.Width, source.Type());
        using var kept = new Mat();
        for (var top = 0; top < outputLength; top += bandRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bottom = Math.Min(outputLength, top + bandRows);
            var first = (int)Math.Floor(((top + 0.5) * scale) - 0.5) - Reach;
            var last = (int)Math.Floor(((bottom - 0.5) * scale) - 0.5) + Reach;
            var origin = Math.Max(0, first) / period * period;
            var end = Math.Min(sourceLength, ((last / period) + 1) * period);
            var skip = origin / period * outputPeriod;
            var rows = (end - origin) / period * outputPeriod;
            var keep = top > skip;
            if (keep)
            {
                using var above = Slice(output, skip, top);
                above.CopyTo(kept);
            }

            using (var from = Slice(source, origin, end))
            using (var to = Slice(output, skip, skip + rows))
            {
                Cv2.Resize(from, to, columns ? new Size(rows, across) : new Size(across, rows), 0, 0, interpolation);
            }

            if (keep)
            {
                using var restored = Slice(output, skip, top);
                kept.CopyTo(restored);
            }
        }
    }

    /// <summary>
    /// Output rows per band (a multiple of the output period), or 0 when the rows give no bands. For columns, give
    /// the source's width and the size with its sides swapped.
    /// </summary>
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
