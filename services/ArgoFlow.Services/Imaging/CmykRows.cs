namespace ArgoFlow.Services.Imaging;

/// <summary>
/// OpenCV's conversion of the CMYK rows libjpeg gives for a four-component JPEG to BGR: each of C, M and Y becomes
/// <c>k - ((255 - v) * k &gt;&gt; 8)</c> and is stored as R, G and B (Y first in BGR order). The values are taken as
/// libjpeg gives them, with no inversion for Adobe files, as OpenCV takes them.
/// </summary>
internal static class CmykRows
{
    /// <summary>Converts one row: 4 bytes a pixel in, 3 out.</summary>
    public static void ToBgr(ReadOnlySpan<byte> cmyk, Span<byte> bgr)
    {
        var pixels = cmyk.Length / 4;
        for (var i = 0; i < pixels; i++)
        {
            int k = cmyk[(i * 4) + 3];
            bgr[i * 3] = Ink(cmyk[(i * 4) + 2], k);
            bgr[(i * 3) + 1] = Ink(cmyk[(i * 4) + 1], k);
            bgr[(i * 3) + 2] = Ink(cmyk[i * 4], k);
        }
    }

    private static byte Ink(int value, int k) => (byte)(k - (((255 - value) * k) >> 8));
}
