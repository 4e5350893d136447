namespace ArgoFlow.Services.Tests.Support;

/// <summary>
/// Writes a small baseline JPEG with four components (CMYK, optionally marked as Adobe's) whose 8x8 blocks are flat:
/// each block is one DC coefficient, every AC coefficient zero. OpenCV cannot write CMYK, and no tool here can, so the
/// decoder tests make their own. One Huffman table for DC (the 12 size categories, 4 bits each) and one for AC (only
/// end-of-block, the 1-bit code 0); quantisation 1.
/// </summary>
internal static class CmykJpeg
{
    /// <summary>A width x height CMYK JPEG; component c of block (bx, by) has the value <paramref name="value"/>(c, bx, by).</summary>
    public static byte[] Write(int width, int height, Func<int, int, int, byte> value, bool adobe)
    {
        var output = new List<byte> { 0xFF, 0xD8 };
        if (adobe)
        {
            // APP14 "Adobe", version 100, no flags, transform 0 (CMYK stored as is).
            Segment(output, 0xEE, [.. "Adobe"u8, 0, 100, 0, 0, 0, 0, 0]);
        }

        Segment(output, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        byte[] frame = [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 4];
        Segment(output, 0xC0, [.. frame, .. Components(id => [id, 0x11, 0])]);
        byte[] dcCounts = [0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] acCounts = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Segment(output, 0xC4, [0x00, .. dcCounts, .. Enumerable.Range(0, 12).Select(i => (byte)i), 0x10, .. acCounts, 0x00]);
        Segment(output, 0xDA, [4, .. Components(id => [id, 0x00]), 0, 63, 0]);
        output.AddRange(Scan(width, height, value));
        output.AddRange([0xFF, 0xD9]);
        return [.. output];
    }

    private static IEnumerable<byte> Components(Func<byte, byte[]> each) => Enumerable.Range(1, 4).SelectMany(id => each((byte)id));

    private static void Segment(List<byte> output, byte marker, byte[] body)
    {
        output.AddRange([0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)]);
        output.AddRange(body);
    }

    private static List<byte> Scan(int width, int height, Func<int, int, int, byte> value)
    {
        var bits = new BitWriter();
        var previous = new int[4];
        for (var by = 0; by < (height + 7) / 8; by++)
        {
            for (var bx = 0; bx < (width + 7) / 8; bx++)
            {
                for (var c = 0; c < 4; c++)
                {
                    // A flat block of value v has the DC coefficient 8 (v - 128).
                    var dc = 8 * (value(c, bx, by) - 128);
                    var difference = dc - previous[c];
                    previous[c] = dc;
                    var size = difference == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(difference));
                    bits.Write(size, 4);
                    bits.Write(difference < 0 ? difference - 1 : difference, size);
                    bits.Write(0, 1); // end of block
                }
            }
        }

        return bits.Finish();
    }

    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _current;
        private int _filled;

        public void Write(int value, int count)
        {
            for (var i = count - 1; i >= 0; i--)
            {
                _current = (_current << 1) | ((value >> i) & 1);
                if (++_filled == 8)
                {
                    Flush();
                }
            }
        }

        public List<byte> Finish()
        {
            while (_filled != 0)
            {
                Write(1, 1);
            }

            return _bytes;
        }

        private void Flush()
        {
            _bytes.Add((byte)_current);
            if (_current == 0xFF)
            {
                _bytes.Add(0); // byte stuffing
            }

            (_current, _filled) = (0, 0);
        }
    }
}
