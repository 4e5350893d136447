using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Imaging;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Imaging;

/// <summary>
/// Issue 14, point 7: an image the interruptible decoders decline (here an animated PNG) would be one OpenCV call a
/// cancel cannot stop; when the call can be cancelled it is taken only up to <see cref="ImageCodec.MaxWholeDecodePixels"/>.
/// </summary>
public sealed class WholeDecodeLimitTests
{
    private static readonly ImageLimits Limits = new();

    [Fact]
    public void A_large_animated_png_is_refused_when_the_call_can_be_cancelled_and_a_small_one_is_decoded()
    {
        using var cancellation = new CancellationTokenSource();
        var large = Animated(3000, 2001); // 6,003,000 pixels
        var small = Animated(300, 200);

        var refused = Assert.Throws<StepException>(() => ImageCodec.Decode(large, Limits, "big.png", null, out _, cancellation.Token));
        Assert.Equal(StepFailure.TooLarge, refused.Failure);
        Assert.Contains("3000x2001 png", refused.Message, StringComparison.Ordinal);
        Assert.Contains("6000000 pixels", refused.Message, StringComparison.Ordinal);

        Assert.Null(PngDecoder.TryDecode(small, "small.png", cancellation.Token));
        using var decoded = ImageCodec.Decode(small, Limits, "small.png", null, out _, cancellation.Token);
        using var expected = Cv2.ImDecode(small, ImreadModes.Color);
        Assert.Equal((expected.Width, expected.Height), (decoded.Width, decoded.Height));
        // Without a token (warm-up, tools) nothing can cancel the call, and the large one decodes.
        using var whole = ImageCodec.Decode(large, Limits, "big.png");
        Assert.Equal((3000, 2001), (whole.Width, whole.Height));
    }

    /// <summary>A PNG made animated by an acTL chunk (one frame, its default image) before its image data.</summary>
    private static byte[] Animated(int width, int height)
    {
        using var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(40, 90, 200));
        var png = image.ImEncode(".png");
        var actl = PngTestWriter.Chunk("acTL", [0, 0, 0, 1, 0, 0, 0, 0]);
        const int afterIhdr = 8 + 25; // signature, then IHDR: length, type, 13 bytes, CRC
        return [.. png[..afterIhdr], .. actl, .. png[afterIhdr..]];
    }
}
