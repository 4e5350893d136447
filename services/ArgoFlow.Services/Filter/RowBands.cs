using OpenCvSharp;

namespace ArgoFlow.Services.Filter;

/// <summary>
/// Runs a neighbourhood operation (each output pixel depends only on source pixels at most <c>reach</c> rows away)
/// in horizontal bands, with the call's cancellation checked before each band. One OpenCV call on a large image
/// cannot be interrupted: a median of kernel 21 on 7000x7000 took 3 s here and a gaussianBlur of kernel 99 0.76 s,
/// all of it spent after a caller that gave up. Each band is a copy of its rows plus <c>reach</c> rows above and
/// below (a copy, not a view: OpenCV picks another, not bit-exact, Gaussian code for views into a larger image),
/// the operation runs on the copy and only the band's own rows are kept. Rows whose neighbourhood crosses the copy's
/// edge are the discarded margin, and at the image's own edges the copy's edge is the image's edge, so the border
/// rule is the one a whole-image call applies: the result is the same bytes (RowBandsTests).
/// </summary>
internal static class RowBands
{
    /// <summary>Below this many pixels one call is short (a gaussianBlur of kernel 99 on 1 Mpixel: about 15 ms).</summary>
    public const long MinPixels = 1_000_000;

    /// <summary>About this many pixels per band: tens of milliseconds of the slowest operation between two looks at the token.</summary>
    private const long BandPixels = 1 << 19;

    /// <summary>
    /// Applies <paramref name="operation"/> (source band, output band) to <paramref name="source"/> into
    /// <paramref name="output"/>; the operation chooses the output type. Small images, and bands that would be mostly
    /// margin, get one call on the whole image.
    /// </summary>
    public static void Apply(Mat source, Mat output, int reach, Action<Mat, Mat> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(operation);
        cancellationToken.ThrowIfCancellationRequested();
        int width = source.Width, height = source.Height;
        var rows = BandRows(width, height, reach);
        if (rows == 0)
        {
            operation(source, output);
            return;
        }

        // One buffer for the band's rows and one for its result, reused by every band: a fresh Mat per band costs
        // a page fault per 4 KB of it, which on this VM made a banded gaussianBlur of kernel 99 five times slower.
        // Each band is a header of its exact size over the buffer: continuous and not a view, and the operation
        // writes into the result header without reallocating (OpenCV keeps a destination of the right size and type).
        var maxRows = Math.Min(height, rows + (2 * reach));
        using var bandBuffer = new Mat(maxRows, width, source.Type());
        using var resultBuffer = new Mat();
        for (var top = 0; top < height; top += rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bottom = Math.Min(height, top + rows);
            var first = Math.Max(0, top - reach);
            var last = Math.Min(height, bottom + reach);
            using var view = source.RowRange(first, last);
            using var band = Mat.FromPixelData(last - first, width, source.Type(), bandBuffer.Data);
            view.CopyTo(band);
            using var result = resultBuffer.Empty() ? new Mat() : Mat.FromPixelData(last - first, width, resultBuffer.Type(), resultBuffer.Data);
            operation(band, result);
            if (resultBuffer.Empty())
            {
                // Sized for the largest band; the first band's result fixes the output type.
                resultBuffer.Create(maxRows, width, result.Type());
                output.Create(height, width, result.Type());
            }

            using var kept = result.RowRange(top - first, bottom - first);
            using var target = output.RowRange(top, bottom);
            kept.CopyTo(target);
        }
    }

    /// <summary>Rows per band, or 0 for one whole-image call.</summary>
    internal static int BandRows(int width, int height, int reach)
    {
        if ((long)width * height < MinPixels)
        {
            return 0;
        }

        // At least four times the reach, so a band re-reads at most half its own rows as margin.
        var rows = (int)Math.Max(Math.Max(16, 4L * reach), BandPixels / Math.Max(1, width));
        return rows * 2 <= height ? rows : 0;
    }
}
