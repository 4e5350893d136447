using System.Buffers.Binary;
using ArgoFlow.Services.Errors;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// What <see cref="PngDecoder"/> needs from a PNG's chunks: the IHDR fields, the palette and where the image data
/// (the first run of IDAT chunks) lies. <see cref="Read"/> refuses what libpng, as OpenCV drives it, refuses.
/// </summary>
internal sealed class PngLayout
{
    /// <summary>libpng's default user limit on each side (PNG_USER_WIDTH_MAX, PNG_USER_HEIGHT_MAX).</summary>
    private const int MaxSide = 1_000_000;

    /// <summary>
    /// OpenCV reads the chunks before the first IDAT itself and gives up on a chunk it does not buffer larger than
    /// this (PNG_USER_CHUNK_MALLOC_MAX).
    /// </summary>
    private const uint MaxAncillaryBeforeData = 8_000_000;

    private PngLayout(int width, int height, int bitDepth, int colorType, bool interlaced)
    {
        (Width, Height, BitDepth, ColorType, Interlaced) = (width, height, bitDepth, colorType, interlaced);
    }

    public int Width { get; }

    public int Height { get; }

    public int BitDepth { get; }

    /// <summary>0 gray, 2 RGB, 3 palette, 4 gray and alpha, 6 RGBA.</summary>
    public int ColorType { get; }

    public bool Interlaced { get; }

    /// <summary>
    /// 256 RGB entries; those the PLTE chunk does not give stay black, as libpng allocates its palette (an index
    /// past the end of the PLTE decodes black there too).
    /// </summary>
    public byte[] Palette { get; } = new byte[256 * 3];

    /// <summary>Offset and length of each IDAT chunk's data in the file, in order.</summary>
    public List<(int Offset, int Length)> Idat { get; } = [];

    public int Channels => ColorType switch { 0 or 3 => 1, 2 => 3, 4 => 2, _ => 4 };

    /// <summary>Bytes between a byte and the one its filter predicts from (at least 1, PNG's rule).</summary>
    public int FilterStride => Math.Max(1, Channels * BitDepth / 8);

    /// <summary>Bytes of one unfiltered row of <paramref name="width"/> pixels (without the filter byte).</summary>
    public int RowBytes(int width) => checked((int)(((long)width * Channels * BitDepth + 7) / 8));

    /// <summary>
    /// The layout of <paramref name="data"/> (a PNG signature and IHDR tag already seen), or null for an animated
    /// PNG, whose frames OpenCV composes, and for the odd files whose handling libpng decides chunk by chunk
    /// (image data split by other chunks, an empty palette): those are left to OpenCV.
    /// </summary>
    public static PngLayout? Read(ReadOnlySpan<byte> data, string uri)
    {
        var chunks = new PngChunkReader(data, uri);
        if (!chunks.TryNext(out var ihdr))
        {
            throw StepException.Undecodable(uri, "the PNG has no IHDR chunk");
        }

        if (ihdr.Type != "IHDR" || ihdr.Data.Length != 13)
        {
            throw StepException.Undecodable(uri, $"the first PNG chunk must be a 13-byte IHDR, found {ihdr.Data.Length} bytes of {ihdr.Type}");
        }

        var layout = FromHeader(ihdr.Data, uri);
        var palette = -1;
        var ended = false;
        while (chunks.TryNext(out var c))
        {
            var afterData = layout.Idat.Count > 0;
            switch (c.Type)
            {
                case "IDAT" when afterData && !ended:
                    layout.Idat.Add((c.Offset, c.Data.Length));
                    continue;
                case "IDAT" when afterData:
                    return null; // more image data after another chunk: libpng reads it or not depending on how much it needs
                case "IDAT":
                    if (layout.ColorType == 3 && palette < 0)
                    {
                        throw StepException.Undecodable(uri, "the palette PNG has no PLTE chunk before its image data");
                    }

                    layout.Idat.Add((c.Offset, c.Data.Length));
                    continue;
                case "IEND":
                    return afterData ? layout : throw StepException.Undecodable(uri, "the PNG has no IDAT chunk (no image data)");
                case "IHDR":
                    throw StepException.Undecodable(uri, $"a second IHDR chunk at byte {c.Offset - 8}");
                case "PLTE" when afterData || palette >= 0:
                    throw StepException.Undecodable(uri, $"a PLTE chunk at byte {c.Offset - 8} {(afterData ? "after the image data" : "after another PLTE")}");
                case "PLTE":
                    palette = layout.ReadPalette(c.Data, uri);
                    if (palette == 0)
                    {
                        return null;
                    }

                    break;
                case "acTL" when !afterData:
                    return null;
                case "bKGD" when !afterData && c.Data.Length is not (1 or 2 or 6):
                    throw StepException.Undecodable(uri, $"the bKGD chunk has {c.Data.Length} bytes (1, 2 or 6)");
                case not ("tEXt" or "tRNS") when !afterData && c.Data.Length > MaxAncillaryBeforeData:
                    throw StepException.Undecodable(uri, $"the {c.Type} chunk has {c.Data.Length} bytes, more than the {MaxAncillaryBeforeData} OpenCV reads");
                default:
                    if (char.IsAsciiLetterUpper(c.Type[0]))
                    {
                        throw StepException.Undecodable(uri, $"an unknown critical chunk {c.Type} at byte {c.Offset - 8}");
                    }

                    break;
            }

            ended |= afterData;
        }

        throw StepException.Undecodable(uri, "the PNG data ends without an IEND chunk");
    }

    private static PngLayout FromHeader(ReadOnlySpan<byte> ihdr, string uri)
    {
        var width = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        var height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]);
        int depth = ihdr[8], colorType = ihdr[9];
        if (width is 0 or > MaxSide || height is 0 or > MaxSide)
        {
            throw StepException.Undecodable(uri, $"the PNG is {width}x{height}; libpng reads 1 to {MaxSide} pixels a side");
        }

        var valid = colorType switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!valid)
        {
            throw StepException.Undecodable(uri, $"IHDR: colour type {colorType} with bit depth {depth} is not a PNG pixel format");
        }

        if (ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1)
        {
            throw StepException.Undecodable(uri, $"IHDR: compression {ihdr[10]}, filter method {ihdr[11]}, interlace {ihdr[12]} (0, 0 and 0 or 1 are defined)");
        }

        return new PngLayout((int)width, (int)height, depth, colorType, ihdr[12] == 1);
    }

    /// <summary>The number of palette entries, after the checks libpng makes of a palette image's PLTE.</summary>
    private int ReadPalette(ReadOnlySpan<byte> plte, string uri)
    {
        if (ColorType != 3)
        {
            return 1; // a suggested palette for a true-colour image, or one libpng ignores in a gray image
        }

        if (plte.Length % 3 != 0 || plte.Length > Palette.Length)
        {
            throw StepException.Undecodable(uri, $"the PLTE chunk has {plte.Length} bytes (a multiple of 3, at most 768)");
        }

        // libpng keeps no more entries than the bit depth can index.
        var entries = Math.Min(plte.Length / 3, 1 << BitDepth);
        plte[..(entries * 3)].CopyTo(Palette);
        return entries;
    }
}
