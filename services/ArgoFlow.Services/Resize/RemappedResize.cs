using OpenCvSharp;

namespace ArgoFlow.Services.Resize;

/// <summary>
/// A large lanczos resize whose sizes give <see cref="BandedResize"/> no band boundaries on either axis (5250 rows to
/// 4499 share no factor, so no output row but the first starts on a whole source row; likewise 7000 columns to 5999):
/// linear and cubic compute fast enough to stay one call, lanczos does not. Each band of output rows
/// is <c>Cv2.Remap</c> of the whole source at the positions <c>Cv2.Resize</c> samples, <c>(d + 0.5) * scale - 0.5</c>
/// on both axes, with the same kernel and replicated edges, and the call's cancellation is checked between bands.
/// Remap rounds each position to 1/32 of a pixel where resize keeps it exact; on the test photo the result is
/// still within 1 of one whole-image resize (BandedResizeTests, docs/services.md). It costs about 2.5x one call.
/// </summary>
internal static class RemappedResize
{
    /// <summary>About this many output pixels per band (two float maps of 16 MB).</summary>
    private const long BandPixels = 1 << 21;

    /// <summary>Resizes <paramref name="source"/> to <paramref name="size"/> into <paramref name="output"/>.</summary>
    public static void Resize(Mat source, Mat output, Size size, InterpolationFlags interpolation, CancellationToken cancellationToken)
    {
        int sourceWidth = source.Width, sourceHeight = source.Height;
        var scaleX = (double)sourceWidth / size.Width;
        var scaleY = (double)sourceHeight / size.Height;
        var columns = new float[size.Width];
        for (var x = 0; x < columns.Length; x++)
        {
            columns[x] = (float)(((x + 0.5) * scaleX) - 0.5);
        }

        var bandRows = (int)Math.Clamp(BandPixels / size.Width, 1, size.Height);
        output.Create(size.Height, size.Width, source.Type());
        var positions = new float[bandRows * size.Width];
        using var row = Mat.FromPixelData(1, size.Width, MatType.CV_32FC1, columns);
        using var mapX = new Mat();
        using var mapY = Mat.FromPixelData(bandRows, size.Width, MatType.CV_32FC1, positions);
        Cv2.Repeat(row, bandRows, 1, mapX);
        for (var top = 0; top < size.Height; top += bandRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = Math.Min(bandRows, size.Height - top);
            for (var y = 0; y < rows; y++)
            {
                positions.AsSpan(y * size.Width, size.Width).Fill((float)(((top + y + 0.5) * scaleY) - 0.5));
            }

            using var xs = mapX.RowRange(0, rows);
            using var ys = mapY.RowRange(0, rows);
            using var target = output.RowRange(top, top + rows);
            Cv2.Remap(source, target, xs, ys, interpolation, BorderTypes.Replicate);
        }
    }
}
