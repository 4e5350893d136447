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
    /// One pixel (3, 4, 6 or 8 bytes) per step: 8 bytes are loaded, the predictor added, and the pixel's bytes
    /// written back. Sub and Average add bytewise within a 64-bit word (SWAR); Paeth needs 16-bit lanes.
    /// The last pixels, where 8 bytes would run past the row, go byte by byte.
    /// </summary>
    private static void Pixelwise(byte filter, Span<byte> row, ReadOnlySpan<byte> above, int stride)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var u = ref MemoryMarshal.GetReference(above);
        var end = row.Length - 8;
        int i;
        switch (filter)
        {
            case 1:
                i = Sub(ref r, end, stride);
                break;
            case 3:
                i = Average(ref r, ref u, end, stride);
                break;
            default:
                i = Paeth(ref r, ref u, end, stride);
                break;
        }

        Bytewise(filter, row, above, stride, i);
    }

    private static int Sub(ref byte r, int end, int stride)
    {
        ulong a = 0;
        var i = 0;
        for (; i <= end; i += stride)
        {
            var raw = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref r, i));
            a = AddBytes(raw, a);
            Store(ref Unsafe.Add(ref r, i), a, stride);
        }

        return i;
    }

    private static int Average(ref byte r, ref byte u, int end, int stride)
    {
        ulong a = 0;
        var i = 0;
        for (; i <= end; i += stride)
        {
            var raw = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref r, i));
            var b = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref u, i));
            // floor((a + b) / 2) in each byte without a carry into the next
            a = AddBytes(raw, (a & b) + (((a ^ b) & 0xFEFEFEFEFEFEFEFE) >> 1));
            Store(ref Unsafe.Add(ref r, i), a, stride);
        }

        return i;
    }

    private static int Paeth(ref byte r, ref byte u, int end, int stride)
    {
        var low = Vector128.Create((short)0xFF);
        Vector128<short> a = default, c = default;
        var i = 0;
        for (; i <= end; i += stride)
        {
            var raw = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref r, i));
            var b = Widen(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref u, i)));
            a = (Widen(raw) + PngPaeth.Predict(a, b, c)) & low;
            c = b;
            var bytes = Vector128.Narrow(a, a).AsUInt64().ToScalar();
            Store(ref Unsafe.Add(ref r, i), bytes, stride);
        }

        return i;
    }

    /// <summary>
    /// Writes the pixel's bytes only: an 8-byte store would overlap the next pixel's load, and a load that overlaps
    /// a pending store only in part waits for it (store forwarding fails), which made these loops 3 times slower.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref byte destination, ulong pixel, int stride)
    {
        switch (stride)
        {
            case 3:
                Unsafe.WriteUnaligned(ref destination, (ushort)pixel);
                Unsafe.Add(ref destination, 2) = (byte)(pixel >> 16);
                break;
            case 4:
                Unsafe.WriteUnaligned(ref destination, (uint)pixel);
                break;
            case 6:
                Unsafe.WriteUnaligned(ref destination, (uint)pixel);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 4), (ushort)(pixel >> 32));
                break;
            default:
                Unsafe.WriteUnaligned(ref destination, pixel);
                break;
        }
    }

    /// <summary>x + y in each of the 8 bytes, modulo 256, no carry between bytes.</summary>
    private static ulong AddBytes(ulong x, ulong y) =>
        ((x & 0x7F7F7F7F7F7F7F7F) + (y & 0x7F7F7F7F7F7F7F7F)) ^ ((x ^ y) & 0x8080808080808080);

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
