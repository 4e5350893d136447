using System.Buffers.Binary;
using System.IO.Compression;
using ArgoFlow.Services.Imaging;

namespace ArgoFlow.Services.Tests.Imaging;

/// <summary>
/// Writes the PNGs OpenCV's encoder never makes (palette, low-bit gray, gray and alpha, Adam7, one filter type
/// forced on every row) from random samples, and the pieces (chunks, zlib streams) the error tests splice.
/// </summary>
internal static class PngTestWriter
{
    private static readonly (int X, int Y, int Dx, int Dy)[] Passes =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    /// <summary>
    /// A whole PNG. <paramref name="filter"/> 0-4 is used on every row, -1 cycles through all five row by row.
    /// A palette image gets a random PLTE of <paramref name="paletteEntries"/> entries (indices stay below it).
    /// The image data is split into IDAT chunks of at most <paramref name="idatSize"/> bytes.
    /// </summary>
    public static byte[] Png(int width, int height, int depth, int colorType, bool interlaced = false, int filter = -1,
        int seed = 1, int paletteEntries = 0, int idatSize = 1 << 16, byte[]? trns = null)
    {
        var random = new Random(seed);
        var entries = paletteEntries > 0 ? paletteEntries : 1 << Math.Min(depth, 8);
        var filtered = Filtered(width, height, depth, colorType, interlaced, filter, random, colorType == 3 ? entries : 0);
        var zlib = Zlib(filtered, CompressionLevel.Optimal);
        var chunks = new List<byte[]> { Chunk("IHDR", Ihdr(width, height, depth, colorType, interlaced ? 1 : 0)) };
        if (colorType == 3)
        {
            var palette = new byte[entries * 3];
            random.NextBytes(palette);
            chunks.Add(Chunk("PLTE", palette));
        }

        if (trns is not null)
        {
            chunks.Add(Chunk("tRNS", trns));
        }

        for (var i = 0; i < zlib.Length; i += idatSize)
        {
            chunks.Add(Chunk("IDAT", zlib.AsSpan(i, Math.Min(idatSize, zlib.Length - i))));
        }

        chunks.Add(Chunk("IEND", []));
        return File(chunks);
    }

    /// <summary>The filtered rows (each with its filter byte) of random samples, pass after pass when interlaced.</summary>
    public static byte[] Filtered(int width, int height, int depth, int colorType, bool interlaced, int filter, Random random, int paletteEntries = 0)
    {
        var channels = colorType switch { 0 or 3 => 1, 2 => 3, 4 => 2, _ => 4 };
        var stride = Math.Max(1, channels * depth / 8);
        using var output = new MemoryStream();
        foreach (var (x, y, dx, dy) in interlaced ? Passes : [(0, 0, 1, 1)])
        {
            int w = (width - x + dx - 1) / dx, h = (height - y + dy - 1) / dy;
            if (w <= 0 || h <= 0)
            {
                continue;
            }

            var rowBytes = ((w * channels * depth) + 7) / 8;
            var above = new byte[rowBytes];
            for (var r = 0; r < h; r++)
            {
                var row = new byte[rowBytes];
                random.NextBytes(row);
                if (paletteEntries > 0)
                {
                    for (var i = 0; i < w; i++)
                    {
                        SetSample(row, i, depth, random.Next(paletteEntries));
                    }
                }

                var type = filter >= 0 ? filter : r % 5;
                output.WriteByte((byte)type);
                output.Write(Filter(type, row, above, stride));
                above = row;
            }
        }

        return output.ToArray();
    }

    public static byte[] Filter(int type, byte[] row, byte[] above, int stride)
    {
        var filtered = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= stride ? row[i - stride] : 0, b = above[i], c = i >= stride ? above[i - stride] : 0;
            int pa = Math.Abs(b - c), pb = Math.Abs(a - c), pc = Math.Abs(a + b - c - c);
            var predictor = type switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                _ => pa <= pb && pa <= pc ? a : pb <= pc ? b : c,
            };
            filtered[i] = (byte)(row[i] - predictor);
        }

        return filtered;
    }

    public static byte[] Ihdr(int width, int height, int depth, int colorType, int interlace)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        (ihdr[8], ihdr[9], ihdr[12]) = ((byte)depth, (byte)colorType, (byte)interlace);
        return ihdr;
    }

    public static byte[] Zlib(byte[] data, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, level, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A chunk with its length and a correct CRC.</summary>
    public static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[data.Length + 12];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        for (var i = 0; i < 4; i++)
        {
            chunk[4 + i] = (byte)type[i];
        }

        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), PngCrc.Finish(PngCrc.Update(0xFFFFFFFF, chunk.AsSpan(4, data.Length + 4))));
        return chunk;
    }

    /// <summary>The signature followed by <paramref name="chunks"/>.</summary>
    public static byte[] File(IEnumerable<byte[]> chunks) =>
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. chunks.SelectMany(c => c)];

    private static void SetSample(byte[] row, int x, int depth, int value)
    {
        if (depth == 8)
        {
            row[x] = (byte)value;
            return;
        }

        var bit = x * depth;
        var shift = 8 - depth - (bit & 7);
        var mask = ((1 << depth) - 1) << shift;
        row[bit >> 3] = (byte)((row[bit >> 3] & ~mask) | (value << shift));
    }
}
