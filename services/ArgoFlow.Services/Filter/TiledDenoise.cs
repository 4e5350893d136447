using OpenCvSharp;

namespace ArgoFlow.Services.Filter;

/// <summary>
/// <c>Cv2.FastNlMeansDenoisingColored</c> computed in tiles (bands of rows cut into columns), with the call's
/// cancellation checked before each tile: one whole-image call cannot be interrupted and takes seconds on a large
/// photo. OpenCV's non-local means pads the image by <c>searchWindow / 2 + templateWindow / 2</c> pixels
/// (BORDER_REFLECT_101) and computes each pixel from that neighbourhood only, in integer arithmetic, and its BGR-Lab
/// conversions are per pixel. So a tile given the source pixels <see cref="Margin"/> around it (clamped to the image,
/// where the padding is then the same as the whole image's) produces the same bytes for its own pixels as one
/// whole-image call (tested).
/// </summary>
/// <remarks>
/// Tiles, not full-width bands: a piece costs its area with the margin, so a full-width band short enough to stop
/// quickly re-reads more margin than rows of its own. And pieces run side by side: OpenCV gives a call under
/// 2^18 pixels one thread, so bands run one after the other took 2.3 times as long as the whole call on 1920x1080.
/// </remarks>
internal static class TiledDenoise
{
    /// <summary>OpenCV's defaults for <c>FastNlMeansDenoisingColored</c>, which the filter uses.</summary>
    private const int TemplateWindow = 7;

    private const int SearchWindow = 21;

    /// <summary>
    /// Pixels each tile reads beyond its own on every side: the neighbourhood radius (10 + 3), the least that gives
    /// identical bytes (TiledDenoiseTests shows 12 does not).
    /// </summary>
    internal const int Margin = (SearchWindow / 2) + (TemplateWindow / 2);

    /// <summary>
    /// Below this many pixels the single call is short (OpenCV gives a call under 2^18 pixels one thread: 282x282
    /// took 96 ms here, docs/services.md) and stays as it was.
    /// </summary>
    public const long MinPixels = 100_000;

    /// <summary>
    /// Side of a tile: with its margin 282x282, about 100 ms of one core between looks at the token. On 1920x1080
    /// 256-pixel tiles took 1.15-1.4 times as long as one call; 320- and 384-pixel tiles saved little (docs/services.md).
    /// </summary>
    internal const int TileSide = 256;

    /// <summary>Denoises <paramref name="source"/> (BGR) with strength <paramref name="h"/> into <paramref name="output"/>.</summary>
    public static void Denoise(Mat source, Mat output, float h, CancellationToken cancellationToken = default)
    {
        var width = source.Cols;
        var height = source.Rows;
        if (!IsTiled(width, height))
        {
            Cv2.FastNlMeansDenoisingColored(source, output, h, h);
            return;
        }

        Denoise(source, output, h, new Size(TileSide, TileSide), Margin, cancellationToken);
    }

    /// <summary>
    /// Denoises in tiles of <paramref name="tile"/> (those at the right and bottom may be smaller), each reading
    /// <paramref name="margin"/> more pixels on every side, as many at once as there are cores.
    /// </summary>
    internal static void Denoise(Mat source, Mat output, float h, Size tile, int margin, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tile.Width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tile.Height, 1);
        var width = source.Cols;
        var height = source.Rows;
        output.Create(height, width, source.Type());
        var across = (width + tile.Width - 1) / tile.Width;
        var down = (height + tile.Height - 1) / tile.Height;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };

        // Parallel.For checks the token before each tile and throws OperationCanceledException once the running ones end.
        Parallel.For(0, across * down, options, index =>
        {
            var left = index % across * tile.Width;
            var top = index / across * tile.Height;
            var own = new Rect(left, top, Math.Min(tile.Width, width - left), Math.Min(tile.Height, height - top));
            var x = Math.Max(0, left - margin);
            var y = Math.Max(0, top - margin);
            var read = new Rect(x, y, Math.Min(width, own.Right + margin) - x, Math.Min(height, own.Bottom + margin) - y);
            using var from = new Mat(source, read);
            using var denoised = new Mat();
            Cv2.FastNlMeansDenoisingColored(from, denoised, h, h);
            using var part = new Mat(denoised, new Rect(left - x, top - y, own.Width, own.Height));
            using var to = new Mat(output, own);
            part.CopyTo(to);
        });
    }

    /// <summary>Whether an image of this size is denoised in tiles rather than one call.</summary>
    internal static bool IsTiled(int width, int height) =>
        (long)width * height >= MinPixels && (width > TileSide || height > TileSide);
}
