using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Resize;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Resize;

public sealed class StreamedJpegResizeTests
{
    private static readonly ImageLimits Limits = new();

    [SkippableTheory]
    [InlineData(1920, 1080, 640, 360, null, "fit", "jpeg")] // the reference resize: half-size decode, then 960x540 -> 640x360
    [InlineData(1920, 1080, 500, 500, null, "fill", "jpeg")] // a centre crop after the shrink
    [InlineData(1920, 1080, null, null, 1280, "fit", "jpeg")] // full-size decode, 3:2 shrink
    [InlineData(1600, 1200, 640, 480, null, "fit", "png")] // shrunk as it arrives, encoded at the end
    [InlineData(1920, 1080, 640, 360, null, "stretch", "webp")]
    [InlineData(1024, 1024, 300, 300, null, "fit", "jpeg")] // the warm-up's: half-size decode, 512 -> 300
    public void Gives_the_pixels_of_a_reduced_decode_then_Resizer(int width, int height, int? toWidth, int? toHeight, int? maxSide, string fit, string format)
    {
        NativeDecoder.RequireOrSkip();

        var input = Jpeg(width, height);
        var settings = new ResizeSettings(toWidth, toHeight, maxSide, fit);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var streamed = StreamedJpegResize.TryRun(input, Limits, "in.jpg", settings, format, 90);
        var measured = clock.Elapsed;

        using var decoded = ImageCodec.Decode(input, Limits, "in.jpg", (w, h) => Resizer.ReductionFor(w, h, settings), out var size);
        using var resized = Resizer.Resize(decoded, settings, size);
        if (streamed is null)
        {
            // Only where AreaShrink does not handle the factor left after the reduced decode.
            Assert.False(AreaShrink.Supports(decoded, Resizer.Plan(width, height, settings).Scaled));
            return;
        }

        Assert.Equal((resized.Width, resized.Height, width, height), (streamed.Width, streamed.Height, streamed.SourceWidth, streamed.SourceHeight));
        using var expected = Cv2.ImDecode(ImageCodec.Encode(resized, format, 90), ImreadModes.Unchanged);
        using var actual = Cv2.ImDecode(streamed.Bytes, ImreadModes.Unchanged);
        using var difference = new Mat();
        Cv2.Absdiff(expected, actual, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
        StageTimes.AssertOverlapped(measured, ("decode", streamed.DecodeMs, true), ("process", streamed.ProcessMs, true), ("encode", streamed.EncodeMs, true));
    }

    [Fact]
    public void Other_interpolations_small_images_pngs_and_rotated_photos_take_the_usual_path()
    {
        var jpeg = Jpeg(1920, 1080);
        var settings = new ResizeSettings(640, 360, null);
        using (var image = Cv2.ImDecode(jpeg, ImreadModes.Color))
        {
            Cv2.ImEncode(".png", image, out var png);
            Assert.Null(StreamedJpegResize.TryRun(png, Limits, "a", settings, "jpeg", 90));
        }

        Assert.Null(StreamedJpegResize.TryRun(jpeg, Limits, "a", settings with { Interpolation = "linear" }, "jpeg", 90));
        Assert.Null(StreamedJpegResize.TryRun(Jpeg(800, 600), Limits, "a", settings, "jpeg", 90));
        var rotated = (byte[])[.. jpeg[..2], .. ExifOrientation6(), .. jpeg[2..]];
        Assert.Null(StreamedJpegResize.TryRun(rotated, Limits, "a", settings, "jpeg", 90));
    }

    [SkippableFact]
    public void A_truncated_or_bogus_jpeg_fails_as_undecodable()
    {
        NativeDecoder.RequireOrSkip();

        var jpeg = Jpeg(1920, 1080);
        var settings = new ResizeSettings(640, 360, null);

        var cut = Assert.Throws<ArgoFlow.Services.Errors.StepException>(() => StreamedJpegResize.TryRun(jpeg.AsSpan(0, jpeg.Length / 3), Limits, "cut.jpg", settings, "jpeg", 90));
        var bogus = (byte[])jpeg.Clone();
        bogus[2 + 2 + 2 + 14 + 2 + 2 + 2] ^= 0xFF; // inside the first segments: a broken marker or table
        var ex = Record.Exception(() => StreamedJpegResize.TryRun(bogus, Limits, "bogus.jpg", settings, "jpeg", 90));

        Assert.Equal(ArgoFlow.Services.Errors.StepFailure.Undecodable, cut.Failure);
        Assert.True(ex is null or ArgoFlow.Services.Errors.StepException { Failure: ArgoFlow.Services.Errors.StepFailure.Undecodable }, ex?.ToString());
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var photo = Cv2.ImRead(SharedData.Image("2.jpg"), ImreadModes.Color);
        using var scaled = photo.Resize(new Size(width, height), 0, 0, InterpolationFlags.Cubic);
        Cv2.ImEncode(".jpg", scaled, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
        return bytes;
    }

    /// <summary>An APP1 EXIF segment (little-endian) whose IFD0 says orientation 6.</summary>
    private static byte[] ExifOrientation6()
    {
        byte[] tiff = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0];
        byte[] payload = [.. "Exif\0\0"u8.ToArray(), .. tiff];
        var length = payload.Length + 2;
        return [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
    }
}
