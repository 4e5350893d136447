namespace ArgoFlow.Services.Imaging;

/// <summary>
/// Turns one unfiltered PNG row into 8-bit BGR as libpng does for OpenCV's IMREAD_COLOR: 16-bit samples keep their
/// high byte (png_set_strip_16 truncates, it does not round), gray of 1, 2 or 4 bits is scaled to 0-255 by
/// repeating its bits (png_set_expand_gray_1_2_4_to_8), palette indices go through PLTE, alpha and tRNS are dropped
/// without compositing, and no gamma, sBIT or colour profile is applied.
/// </summary>
internal static class PngPixels
{
    /// <summary>Writes <paramref name="width"/> BGR pixels of <paramref name="row"/> to <paramref name="bgr"/>.</summary>
    public static void ToBgr(PngLayout layout, ReadOnlySpan<byte> row, int width, Span<byte> bgr)
    {
        bgr = bgr[..(width * 3)];
        switch (layout.ColorType, layout.BitDepth)
        {
            case (0, 8):
                Gray(row, 1, bgr);
                break;
            case (0, 16):
                Gray(row, 2, bgr);
                break;
            case (4, 8):
                Gray(row, 2, bgr);
                break;
            case (4, 16):
                Gray(row, 4, bgr);
                break;
            case (0, _):
                LowBitGray(row, layout.BitDepth, bgr);
                break;
            case (2, var depth):
                Colour(row, 3 * depth / 8, depth / 8, bgr);
                break;
            case (6, var depth):
                Colour(row, 4 * depth / 8, depth / 8, bgr);
                break;
            default:
                Indexed(row, layout.BitDepth, layout.Palette, bgr);
                break;
        }
    }

    /// <summary>The first byte of every <paramref name="step"/> bytes (the gray sample's high byte) to B, G and R.</summary>
    private static void Gray(ReadOnlySpan<byte> row, int step, Span<byte> bgr)
    {
        for (int i = 0, s = 0; i < bgr.Length; i += 3, s += step)
        {
            bgr[i] = bgr[i + 1] = bgr[i + 2] = row[s];
        }
    }

    /// <summary>R, G and B are the high bytes at 0, <paramref name="sample"/> and twice that in each pixel.</summary>
    private static void Colour(ReadOnlySpan<byte> row, int pixel, int sample, Span<byte> bgr)
    {
        for (int i = 0, s = 0; i < bgr.Length; i += 3, s += pixel)
        {
            bgr[i] = row[s + (2 * sample)];
            bgr[i + 1] = row[s + sample];
            bgr[i + 2] = row[s];
        }
    }

    private static void LowBitGray(ReadOnlySpan<byte> row, int depth, Span<byte> bgr)
    {
        var scale = 255 / ((1 << depth) - 1); // 1 bit: 255, 2 bits: 0x55, 4 bits: 0x11
        for (var x = 0; 3 * x < bgr.Length; x++)
        {
            var g = (byte)(Sample(row, x, depth) * scale);
            bgr[3 * x] = bgr[(3 * x) + 1] = bgr[(3 * x) + 2] = g;
        }
    }

    private static void Indexed(ReadOnlySpan<byte> row, int depth, byte[] palette, Span<byte> bgr)
    {
        for (var x = 0; 3 * x < bgr.Length; x++)
        {
            var entry = 3 * (depth == 8 ? row[x] : Sample(row, x, depth));
            bgr[3 * x] = palette[entry + 2];
            bgr[(3 * x) + 1] = palette[entry + 1];
            bgr[(3 * x) + 2] = palette[entry];
        }
    }

    /// <summary>Sample <paramref name="x"/> of a row packed <paramref name="depth"/> bits each, leftmost in the high bits.</summary>
    private static int Sample(ReadOnlySpan<byte> row, int x, int depth)
    {
        var bit = x * depth;
        return (row[bit >> 3] >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    }
}
