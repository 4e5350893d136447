using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ArgoFlow.Services.Imaging;

/// <summary>PNG's Paeth filter (ISO 15948 section 9.4): each byte minus the nearest of left, up and upper-left.</summary>
internal static class PngPaeth
{
    /// <summary>Filters <paramref name="row"/> against <paramref name="above"/> (zeros for the first row) into <paramref name="filtered"/>.</summary>
    public static void Filter(ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, int bytesPerPixel, Span<byte> filtered)
    {
        var n = row.Length;
        filtered = filtered[..n];
        above = above[..n];
        var i = 0;
        for (; i < bytesPerPixel && i < n; i++)
        {
            filtered[i] = (byte)(row[i] - above[i]); // no left neighbour: the predictor is the byte above
        }

        // Every predictor comes from the unfiltered rows, so 16 bytes are filtered at once (16-bit lanes, since
        // a + b - c needs more than 8 bits); the result is the scalar loop's, byte for byte.
        if (Vector128.IsHardwareAccelerated)
        {
            ref var r = ref MemoryMarshal.GetReference(row);
            ref var u = ref MemoryMarshal.GetReference(above);
            ref var f = ref MemoryMarshal.GetReference(filtered);
            for (; i + Vector128<byte>.Count <= n; i += Vector128<byte>.Count)
            {
                var (xl, xh) = Vector128.Widen(Vector128.LoadUnsafe(ref r, (nuint)i));
                var (al, ah) = Vector128.Widen(Vector128.LoadUnsafe(ref r, (nuint)(i - bytesPerPixel)));
                var (bl, bh) = Vector128.Widen(Vector128.LoadUnsafe(ref u, (nuint)i));
                var (cl, ch) = Vector128.Widen(Vector128.LoadUnsafe(ref u, (nuint)(i - bytesPerPixel)));
                var low = xl.AsInt16() - Predict(al.AsInt16(), bl.AsInt16(), cl.AsInt16());
                var high = xh.AsInt16() - Predict(ah.AsInt16(), bh.AsInt16(), ch.AsInt16());
                Vector128.Narrow(low & Vector128.Create((short)0xFF), high & Vector128.Create((short)0xFF)).AsByte()
                    .StoreUnsafe(ref f, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            int a = row[i - bytesPerPixel], b = above[i], c = above[i - bytesPerPixel];
            var pa = Math.Abs(b - c);
            var pb = Math.Abs(a - c);
            var pc = Math.Abs(a + b - c - c);
            var predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            filtered[i] = (byte)(row[i] - predictor);
        }
    }

    /// <summary>The Paeth predictor of each 16-bit lane (the decoder uses it too, PngUnfilter).</summary>
    internal static Vector128<short> Predict(Vector128<short> a, Vector128<short> b, Vector128<short> c)
    {
        var pa = Vector128.Abs(b - c);
        var pb = Vector128.Abs(a - c);
        var pc = Vector128.Abs(a + b - c - c);
        var takeA = Vector128.LessThanOrEqual(pa, pb) & Vector128.LessThanOrEqual(pa, pc);
        var takeB = Vector128.LessThanOrEqual(pb, pc);
        return Vector128.ConditionalSelect(takeA, a, Vector128.ConditionalSelect(takeB, b, c));
    }
}
