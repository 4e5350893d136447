using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// Undoes PNG's row filters (ISO 15948 section 9) in place. Up is one vector add; Sub, Average and Paeth depend on
/// the pixel to the left, so for 3 to 8 bytes a pixel they work a whole pixel at a time in 16-bit lanes (as libpng's
/// SSE code does) and byte by byte for gray.
/// </summary>
internal static class PngUnfilter
{
    /// <summary>
    /// Unfilters <paramref name="row"/> given the unfiltered row above (<paramref name="above"/>, zeros for a pass's
    /// first row) and the filter's byte stride; false for a filter type PNG does not define.
    /// </summary>
    public static bool Apply(byte filter, Span<byte> row, ReadOnlySpan<byte> above, int stride)
    {
        switch (filter)
        {
            case 0:
                return true;
            case 2:
                Up(row, above);
                return true;
            case 1 or 3 or 4 when stride >= 3 && row.Length >= 8:
                Pixelwise(filter, row, above, stride);
                return true;
            case 1 or 3 or 4:
                Bytewise(filter, row, above, stride, 0);
                return true;
            default:
                return false;
        }
    }

    private static void Up(Span<byte> row, ReadOnlySpan<byte> above)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var u = ref MemoryMarshal.GetReference(above);
        var n = row.Length;
        var i = 0;
        for (; i + Vector128<byte>.Count <= n; i += Vector128<byte>.Count)
        {
            (Vector128.LoadUnsafe(ref r, (nuint)i) + Vector128.LoadUnsafe(ref u, (nuint)i)).StoreUnsafe(ref r, (nuint)i);
        }

        for (; i < n; i++)
        {
            row[i] += above[i];
        }
    }

    /// <summary>
    /// One pixel (3 to 8 bytes) per step: 8 bytes are loaded and widened, the predictor added, and the bytes past the
    /// pixel written back unchanged. The last pixels, where 8 bytes would run past the row, go byte by byte.
    /// </summary>
    private static void Pixelwise(byte filter, Span<byte> row, ReadOnlySpan<byte> above, int stride)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var u = ref MemoryMarshal.GetReference(above);
        var keep = stride == 8 ? ulong.MaxValue : (1UL << (8 * stride)) - 1;
        var low = Vector128.Create((short)0xFF);
        Vector128<short> a = default, c = default;
        var i = 0;
        for (; i + 8 <= row.Length; i += stride)
        {
            var raw = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref r, i));
            var b = Widen(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref u, i)));
            var predictor = filter switch
            {
                1 => a,
                3 => Vector128.ShiftRightLogical(a + b, 1),
                _ => PngPaeth.Predict(a, b, c),
            };
            a = (Widen(raw) + predictor) & low;
            c = b;
            var bytes = Vector128.Narrow(a, a).AsUInt64().ToScalar();
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref r, i), (bytes & keep) | (raw & ~keep));
        }

        Bytewise(filter, row, above, stride, i);
    }

    private static Vector128<short> Widen(ulong bytes) => Vector128.WidenLower(Vector128.CreateScalarUnsafe(bytes).AsByte()).AsInt16();

    private static void Bytewise(byte filter, Span<byte> row, ReadOnlySpan<byte> above, int stride, int from)
    {
        for (var i = from; i < row.Length; i++)
        {
            int a = i >= stride ? row[i - stride] : 0, b = above[i], c = i >= stride ? above[i - stride] : 0;
            row[i] += filter switch
            {
                1 => (byte)a,
                3 => (byte)((a + b) >> 1),
                _ => (byte)Paeth(a, b, c),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var pa = Math.Abs(b - c);
        var pb = Math.Abs(a - c);
        var pc = Math.Abs(a + b - c - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
