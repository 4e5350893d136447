using OpenCvSharp;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// Fills a freshly allocated large Mat in bands of rows with the call's cancellation checked between them. The first
/// write to new memory costs a page fault per 4 KB: on the 2-core VM the services are measured on, one call that
/// copies into or transposes into a new 7000x7000 image spent about half a second faulting its 147 MB in
/// (`UninterruptibleCallBenchmarks`) - time a cancel had to wait for. Filled here first, a following single OpenCV
/// call on the same Mat only computes.
/// </summary>
internal static class MatBands
{
    /// <summary>About 4 MB of rows between two looks at the token.</summary>
    private const long BandBytes = 4L << 20;

    /// <summary>Creates <paramref name="output"/> (rows x cols of <paramref name="type"/>) and writes zeros into it band by band.</summary>
    public static void CreateZeroed(Mat output, int rows, int cols, MatType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Create(rows, cols, type);
        ForEachBand(rows, BandRows(output), (top, bottom) =>
        {
            using var band = output.RowRange(top, bottom);
            band.SetTo(Scalar.All(0));
        }, cancellationToken);
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="output"/> (created to match) band by band.</summary>
    public static void Copy(Mat source, Mat output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        int rows = source.Rows, cols = source.Cols;
        output.Create(rows, cols, source.Type());
        ForEachBand(rows, BandRows(output), (top, bottom) =>
        {
            using var from = source.RowRange(top, bottom);
            using var to = output.RowRange(top, bottom);
            from.CopyTo(to);
        }, cancellationToken);
    }

    private static int BandRows(Mat mat) => (int)Math.Max(1, BandBytes / Math.Max(1, mat.Step()));

    private static void ForEachBand(int rows, int bandRows, Action<int, int> band, CancellationToken cancellationToken)
    {
        for (var top = 0; top < rows; top += bandRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            band(top, Math.Min(rows, top + bandRows));
        }
    }
}
