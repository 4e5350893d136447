using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>Small files whose work, not their size, is the attack (issue 14's memory and time bombs).</summary>
internal static class BombImages
{
    /// <summary>A PNG of <paramref name="width"/>x<paramref name="height"/> grey pixels: a few hundred bytes.</summary>
    public static byte[] Png(int width, int height)
    {
        using var mat = new Mat(height, width, MatType.CV_8UC3, Scalar.All(128));
        return mat.ImEncode(".png");
    }

    /// <summary>A progressive JPEG of the shared photo with its last scan repeated until it has <paramref name="scans"/> or more.</summary>
    public static byte[] ManyScans(int scans)
    {
        using var photo = Cv2.ImRead(SharedData.Image("0.jpg"));
        var jpeg = photo.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegProgressive, 1));
        // Entropy-coded data stuffs every 0xFF, so the last FF DA is the last scan's SOS marker.
        var lastSos = jpeg.AsSpan().LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]);
        var lastScan = jpeg[lastSos..^2];
        using var output = new MemoryStream();
        output.Write(jpeg, 0, jpeg.Length - 2);
        for (var i = 0; i < scans; i++)
        {
            output.Write(lastScan);
        }

        output.Write([0xFF, 0xD9]);
        return output.ToArray();
    }
}
