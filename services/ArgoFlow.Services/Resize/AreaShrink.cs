using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using OpenCvSharp;

namespace ArgoFlow.Services.Resize;

/// <summary>
/// INTER_AREA shrinking by a non-integer factor (e.g. 960x540 -> 640x360 after a half-size JPEG decode), where
/// OpenCV falls back to a generic floating-point loop that cost as much CPU as the decode. A source pixel's
/// weight in a destination pixel is the area they share; with the scale p/q in lowest terms every weight is a
/// whole multiple of 1/p, so the sums are exact integers: rows are combined with 16-bit vector lanes, then each
/// destination pixel adds its few columns, and the sum is divided by p_x * p_y rounding half up. That is OpenCV's
/// result, byte for byte where the true value is not exactly halfway (tested), in about half its time.
/// </summary>
public static unsafe class AreaShrink
{
    /// <summary>Largest numerator of a scale handled: keeps row sums (at most p_y x 255) within 16 bits.</summary>
    private const int MaxNumerator = 256;

    /// <summary>Largest p_x x p_y: keeps the rounded division exact with a 48-bit reciprocal.</summary>
    private const int MaxDivisor = 65535;

    private const int BandRows = 32;

    /// <summary>Tap tables by (source, destination) length: a service sees the same few sizes again and again.</summary>
    private static readonly ConcurrentDictionary<(int Source, int Destination), TapTable> Tables = new();

    /// <summary>Beyond this many sizes the cache starts over, so odd sizes cannot grow it without bound.</summary>
    private const int MaxTables = 256;

    /// <summary>Whether <see cref="Apply"/> handles this shrink (otherwise use Cv2.Resize).</summary>
    public static bool Supports(Mat source, Size size)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Depth() == MatType.CV_8U && source.Channels() == 3 && source.Dims == 2 && !source.IsSubmatrix() &&
            source.IsContinuous() && Supports(source.Width, source.Height, size);
    }

    /// <summary>Whether a continuous 8-bit BGR image of this size can be shrunk to <paramref name="size"/> here.</summary>
    public static bool Supports(int sourceWidth, int sourceHeight, Size size)
    {
        // Colour images shrunk by less than 3 across: the column loop is unrolled for 3 or 4 source columns.
        if (size.Width < 1 || size.Height < 1 || size.Width > sourceWidth || size.Height > sourceHeight)
        {
            return false;
        }

        var (px, qx) = Ratio(sourceWidth, size.Width);
        var (py, qy) = Ratio(sourceHeight, size.Height);
        // Whole-number factors on both axes take OpenCV's own fast path.
        return (qx != 1 || qy != 1) && px <= MaxNumerator && py <= MaxNumerator && px * py <= MaxDivisor && px < 3 * qx;
    }

    /// <summary>An INTER_AREA resize: this class's shrink where <see cref="Supports"/> says so, OpenCV's otherwise.</summary>
    public static void Resize(Mat source, Mat output, Size size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Supports(source, size))
        {
            Apply(source, output, size, cancellationToken);
        }
        else
        {
            Cv2.Resize(source, output, size, 0, 0, InterpolationFlags.Area);
        }
    }

    /// <summary>Shrinks <paramref name="source"/> to <paramref name="size"/> into <paramref name="output"/>.</summary>
    /// <remarks>Parallel.For checks <paramref name="cancellationToken"/> before each band of 32 rows.</remarks>
    public static void Apply(Mat source, Mat output, Size size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        output.Create(size, source.Type());
        var bands = (size.Height + BandRows - 1) / BandRows;
        Parallel.For(0, bands, new ParallelOptions { CancellationToken = cancellationToken }, band => ApplyRows(source, output, size, band * BandRows, Math.Min(size.Height, (band + 1) * BandRows)));
    }

    /// <summary>
    /// Destination rows [<paramref name="top"/>, <paramref name="bottom"/>) of the shrink into <paramref name="output"/>
    /// (already created at <paramref name="size"/>), on the calling thread. They read source rows below
    /// <see cref="SourceRowsFor"/>(bottom) only, so a caller decoding row by row can shrink as rows arrive.
    /// </summary>
    public static void ApplyRows(Mat source, Mat output, Size size, int top, int bottom)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        var columns = CachedTaps(source.Width, size.Width);
        var rows = CachedTaps(source.Height, size.Height);
        var divisor = (uint)(columns.Numerator * rows.Numerator);
        // n / divisor as a multiply and shift, exact for every sum here (n < 2^24, n x divisor < 2^48).
        var reciprocal = ((1UL << 48) / divisor) + 1;
        var rounding = divisor / 2;
        var srcRowBytes = source.Width * 3;
        var src = (byte*)source.Data;
        var dst = (byte*)output.Data;
        var srcStep = (nint)source.Step();
        var dstStep = (nint)output.Step();
        // Room past the end for the unrolled column loop's reads of zero-weight taps.
        var sums = ArrayPool<ushort>.Shared.Rent(srcRowBytes + 16);
        try
        {
            fixed (ushort* line = sums)
            {
                for (var y = top; y < bottom; y++)
                {
                    CombineRows(src, srcStep, rows, y, line, srcRowBytes);
                    if (columns.Width == 3)
                    {
                        CombineThreeColumns(line, columns, dst + (y * dstStep), size.Width, reciprocal, rounding);
                    }
                    else
                    {
                        CombineFourColumns(line, columns, dst + (y * dstStep), size.Width, reciprocal, rounding);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(sums);
        }
    }

    /// <summary>How many source rows from the top destination rows 0 to <paramref name="bottom"/> - 1 read.</summary>
    public static int SourceRowsFor(int sourceHeight, int destinationHeight, int bottom)
    {
        if (bottom <= 0)
        {
            return 0;
        }

        var rows = CachedTaps(sourceHeight, destinationHeight);
        return rows.Start[bottom - 1] + rows.Count[bottom - 1];
    }

    /// <summary>line[i] = sum over the source rows of destination row y of weight x byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CombineRows(byte* src, nint step, TapTable rows, int y, ushort* line, int n)
    {
        var first = rows.Start[y];
        var count = rows.Count[y];
        var weights = rows.Weights.AsSpan(y * rows.Width, count);
        var i = 0;
        for (; i <= n - Vector128<byte>.Count; i += Vector128<byte>.Count)
        {
            var total = Vector256<ushort>.Zero;
            for (var k = 0; k < count; k++)
            {
                var bytes = Vector128.Load(src + ((first + k) * step) + i);
                var wide = Vector256.Create(Vector128.WidenLower(bytes), Vector128.WidenUpper(bytes));
                total += wide * weights[k];
            }

            total.Store(line + i);
        }

        for (; i < n; i++)
        {
            var total = 0;
            for (var k = 0; k < count; k++)
            {
                total += weights[k] * src[((first + k) * step) + i];
            }

            line[i] = (ushort)total;
        }
    }

    /// <summary>
    /// A factor under 2: at most three source columns per pixel, unrolled. Unused taps have weight 0; the row
    /// buffer has room for their reads past its end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CombineThreeColumns(ushort* line, TapTable columns, byte* dst, int width, ulong reciprocal, uint rounding)
    {
        fixed (ushort* weightTable = columns.Weights)
        fixed (int* starts = columns.Start)
        {
            for (var x = 0; x < width; x++)
            {
                var w = weightTable + (x * 3);
                uint w0 = w[0], w1 = w[1], w2 = w[2];
                var s = line + (starts[x] * 3);
                var d = dst + (x * 3);
                for (var c = 0; c < 3; c++)
                {
                    var total = rounding + (w0 * s[c]) + (w1 * s[c + 3]) + (w2 * s[c + 6]);
                    d[c] = (byte)((total * reciprocal) >> 48);
                }
            }
        }
    }

    /// <summary>A factor from 2 to 3: at most four source columns per pixel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CombineFourColumns(ushort* line, TapTable columns, byte* dst, int width, ulong reciprocal, uint rounding)
    {
        fixed (ushort* weightTable = columns.Weights)
        fixed (int* starts = columns.Start)
        {
            for (var x = 0; x < width; x++)
            {
                var w = weightTable + (x * 4);
                uint w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3];
                var s = line + (starts[x] * 3);
                var d = dst + (x * 3);
                for (var c = 0; c < 3; c++)
                {
                    var total = rounding + (w0 * s[c]) + (w1 * s[c + 3]) + (w2 * s[c + 6]) + (w3 * s[c + 9]);
                    d[c] = (byte)((total * reciprocal) >> 48);
                }
            }
        }
    }

    private static TapTable CachedTaps(int source, int destination)
    {
        if (Tables.TryGetValue((source, destination), out var table))
        {
            return table;
        }

        if (Tables.Count >= MaxTables)
        {
            Tables.Clear();
        }

        return Tables.GetOrAdd((source, destination), key => Taps(key.Source, key.Destination));
    }

    /// <summary>For each destination index: the first source index, how many follow, and their weights x numerator.</summary>
    private static TapTable Taps(int source, int destination)
    {
        var (p, q) = Ratio(source, destination);
        // In units of 1/q source pixels, destination index d covers [d*p, (d+1)*p); source pixel s covers [s*q, (s+1)*q).
        var width = (p / q) + 2;
        var start = new int[destination];
        var count = new int[destination];
        var weights = new ushort[destination * width];
        for (var d = 0; d < destination; d++)
        {
            var from = d * p;
            var to = from + p;
            var s = from / q;
            start[d] = s;
            var k = 0;
            for (; s * q < to; s++)
            {
                var overlap = Math.Min(to, (s + 1) * q) - Math.Max(from, s * q);
                weights[(d * width) + k++] = (ushort)overlap;
            }

            count[d] = k;
        }

        // Each weight is overlap/q of a pixel; over the cell of p/q pixels that is overlap/p - so the numerator is p.
        return new TapTable(start, count, weights, width, p);
    }

    private static (int Numerator, int Denominator) Ratio(int source, int destination)
    {
        var gcd = Gcd(source, destination);
        return (source / gcd, destination / gcd);
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private sealed record TapTable(int[] Start, int[] Count, ushort[] Weights, int Width, int Numerator);
}
