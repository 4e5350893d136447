using System.Buffers;
using ArgoFlow.Services.Imaging;
using OpenCvSharp;

namespace ArgoFlow.Services.Filter;

/// <summary>
/// OpenCV's Canny edge detection in steps a cancelled call can stop between; one <c>Cv2.Canny</c> on 7000x7000 took
/// 0.7 s here. Canny is local up to its last stage: a pixel is a candidate when it survives non-maximum suppression
/// with a gradient above the low threshold, strong when above the high one, and the edges are the candidates
/// 8-connected to a strong pixel - a connection that can run across the whole image. So the local part is computed in
/// bands (<see cref="RowBands"/>) by OpenCV itself: Canny with both thresholds at the high one gives exactly the
/// strong pixels, with both at the low one exactly the candidates (with equal thresholds every candidate is strong).
/// The connection is a flood fill from the strong pixels through the candidates, here, checking the token as it
/// goes. Same bytes as one <c>Cv2.Canny</c> call (BandedCannyTests); about twice the work of the local part.
/// </summary>
internal static unsafe class BandedCanny
{
    /// <summary>Below this many pixels one call is short (about 30 ms) and is what runs.</summary>
    public const long MinPixels = 2_000_000;

    /// <summary>Source rows a band's edges depend on: Sobel reaches one row, suppression compares the next row's gradients; one more to spare.</summary>
    private const int Reach = 3;

    /// <summary>Pixels filled between two looks at the token.</summary>
    private const int CheckEvery = 1 << 16;

    /// <summary>Edges of the 8-bit single-channel <paramref name="gray"/> into <paramref name="output"/> (0 or 255), as <c>Cv2.Canny</c>.</summary>
    public static void Apply(Mat gray, Mat output, double low, double high, CancellationToken cancellationToken)
    {
        if ((long)gray.Width * gray.Height < MinPixels || RowBands.BandRows(gray.Width, gray.Height, Reach) == 0)
        {
            Cv2.Canny(gray, output, low, high);
            return;
        }

        // Canny takes the two thresholds in either order.
        (low, high) = (Math.Min(low, high), Math.Max(low, high));
        using var strong = new Mat();
        using var candidates = new Mat();
        RowBands.Apply(gray, strong, Reach, (from, to) => Cv2.Canny(from, to, high, high), cancellationToken);
        RowBands.Apply(gray, candidates, Reach, (from, to) => Cv2.Canny(from, to, low, low), cancellationToken);
        MatBands.CreateZeroed(output, gray.Rows, gray.Cols, MatType.CV_8UC1, cancellationToken);
        Connect(strong, candidates, output, cancellationToken);
    }

    /// <summary>Marks in <paramref name="output"/> every candidate reachable from a strong pixel through 8-connected candidates.</summary>
    private static void Connect(Mat strong, Mat candidates, Mat output, CancellationToken cancellationToken)
    {
        int width = output.Width, height = output.Height;
        var seeds = (byte*)strong.Data;
        var reachable = (byte*)candidates.Data;
        var marked = (byte*)output.Data;
        var stack = ArrayPool<int>.Shared.Rent(1 << 16);
        var filled = 0;
        try
        {
            for (var y = 0; y < height; y++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = new ReadOnlySpan<byte>(seeds + ((long)y * width), width);
                for (var x = row.IndexOfAnyExcept((byte)0); x >= 0; x = Next(row, x))
                {
                    var at = (y * width) + x;
                    if (marked[at] != 0)
                    {
                        continue;
                    }

                    marked[at] = 255;
                    var count = 0;
                    stack[count++] = at;
                    while (count > 0)
                    {
                        var pixel = stack[--count];
                        if (++filled % CheckEvery == 0)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                        }

                        int px = pixel % width, py = pixel / width;
                        for (var dy = -1; dy <= 1; dy++)
                        {
                            var ny = py + dy;
                            if ((uint)ny >= (uint)height)
                            {
                                continue;
                            }

                            for (var dx = -1; dx <= 1; dx++)
                            {
                                var nx = px + dx;
                                var neighbour = (ny * width) + nx;
                                if ((uint)nx >= (uint)width || reachable[neighbour] == 0 || marked[neighbour] != 0)
                                {
                                    continue;
                                }

                                marked[neighbour] = 255;
                                if (count == stack.Length)
                                {
                                    stack = Grow(stack);
                                }

                                stack[count++] = neighbour;
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(stack);
        }
    }

    private static int Next(ReadOnlySpan<byte> row, int x)
    {
        var rest = row[(x + 1)..].IndexOfAnyExcept((byte)0);
        return rest < 0 ? -1 : x + 1 + rest;
    }

    private static int[] Grow(int[] stack)
    {
        var larger = ArrayPool<int>.Shared.Rent(stack.Length * 2);
        stack.CopyTo(larger, 0);
        ArrayPool<int>.Shared.Return(stack);
        return larger;
    }
}
