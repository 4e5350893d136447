using System.Buffers.Binary;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Support;

/// <summary>WebP inputs made with OpenCV's own encoder, and pixel comparisons, for the cancellable WebP tests.</summary>
internal static class WebpSamples
{
    public static byte[] OpenCvWebp(Mat image, int quality)
    {
        Cv2.ImEncode(".webp", image, out var bytes, new ImageEncodingParam(ImwriteFlags.WebPQuality, quality));
        return bytes;
    }

    public static Mat Photo(int width, int height)
    {
        using var photo = Cv2.ImRead(SharedData.Image("1.jpg"), ImreadModes.Color);
        return photo.Resize(new Size(width, height), 0, 0, InterpolationFlags.Area);
    }

    /// <summary>The first half of a WebP with its RIFF size made to match, so the header check lets it through.</summary>
    public static byte[] CutKeepingRiffSize(byte[] webp)
    {
        var cut = webp[..(webp.Length / 2)];
        BinaryPrimitives.WriteUInt32LittleEndian(cut.AsSpan(4), (uint)(cut.Length - 8));
        return cut;
    }

    /// <summary>The image with an alpha channel that has fully transparent, partly transparent and opaque parts.</summary>
    public static Mat WithAlpha(Mat bgr)
    {
        var bgra = bgr.CvtColor(ColorConversionCodes.BGR2BGRA);
        using var alpha = bgr.CvtColor(ColorConversionCodes.BGR2GRAY);
        var (w, h) = (alpha.Width, alpha.Height);
        alpha.Rectangle(new Rect(0, 0, (w + 1) / 2, (h + 1) / 2), Scalar.All(0), -1);
        alpha.Rectangle(new Rect(w / 2, h / 2, w - (w / 2), h - (h / 2)), Scalar.All(255), -1);
        Cv2.InsertChannel(alpha, bgra, 3);
        return bgra;
    }

    /// <summary>The number of differing samples, not counting the pixels of <paramref name="ignored"/> (a mask).</summary>
    public static int Differing(Mat expected, Mat? actual, Mat? ignored = null)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.Width, expected.Height, expected.Type()), (actual.Width, actual.Height, actual.Type()));
        using var difference = new Mat();
        Cv2.Absdiff(expected, actual, difference);
        if (ignored is not null)
        {
            difference.SetTo(Scalar.All(0), ignored);
        }

        return Cv2.CountNonZero(difference.Reshape(1));
    }
}
