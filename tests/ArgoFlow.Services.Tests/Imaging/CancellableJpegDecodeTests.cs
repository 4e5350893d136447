using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Imaging;

/// <summary>Issue 14, point 7: the non-streamed JPEG decode a cancelled call can stop, and its pixels.</summary>
public sealed class CancellableJpegDecodeTests
{
    private static readonly ImageLimits Limits = new();

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Every_shared_photo_decodes_to_OpenCVs_bytes_at_every_reduction(int reduction)
    {
        NativeDecoder.RequireOrSkip();
        using var cancellation = new CancellationTokenSource();
        var images = Directory.GetFiles(SharedData.ImagesDir, "*.jpg").Order(StringComparer.Ordinal).ToList();

        foreach (var path in images)
        {
            var data = File.ReadAllBytes(path);
            var header = ImageCodec.CheckedHeader(data, Limits, path);
            using var banded = CancellableJpegDecode.TryDecode(data, header, reduction, path, cancellation.Token);
            using var throughCodec = ImageCodec.Decode(data, Limits, path, (_, _) => reduction, out var size, cancellation.Token);
            using var expected = Cv2.ImDecode(data, Mode(reduction));

            Assert.NotNull(banded);
            AssertSameBytes(expected, banded, path);
            AssertSameBytes(expected, throughCodec, path);
            Assert.Equal(new Size(header.Width, header.Height), size);
        }

        Assert.Equal(5, images.Count);
    }

    [SkippableFact]
    public void A_large_photo_and_a_grayscale_jpeg_decode_to_OpenCVs_bytes()
    {
        NativeDecoder.RequireOrSkip();
        using var cancellation = new CancellationTokenSource();
        using var photo = Cv2.ImRead(SharedData.Image("1.jpg"), ImreadModes.Color);
        using var large = photo.Resize(new Size(4001, 2999), 0, 0, InterpolationFlags.Cubic); // sides not a multiple of the MCU
        using var gray = photo.CvtColor(ColorConversionCodes.BGR2GRAY);

        foreach (var image in new[] { large, gray })
        {
            var data = image.ImEncode(".jpg");
            using var decoded = ImageCodec.Decode(data, Limits, "in.jpg", null, out _, cancellation.Token);
            using var expected = Cv2.ImDecode(data, ImreadModes.Color);
            AssertSameBytes(expected, decoded, $"{image.Width}x{image.Height}x{image.Channels()}");
        }
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_exif_orientation_is_applied_as_OpenCV_applies_it(int reduction)
    {
        NativeDecoder.RequireOrSkip();
        using var cancellation = new CancellationTokenSource();
        using var photo = Cv2.ImRead(SharedData.Image("3.jpg"), ImreadModes.Color);
        var upright = photo.ImEncode(".jpg");

        for (ushort orientation = 1; orientation <= 8; orientation++)
        {
            var data = ImageCodecTests.WithExifOrientation(upright, orientation);
            var header = ImageCodec.CheckedHeader(data, Limits, "in.jpg");
            using var banded = CancellableJpegDecode.TryDecode(data, header, reduction, "in.jpg", cancellation.Token);
            using var expected = Cv2.ImDecode(data, Mode(reduction));

            Assert.NotNull(banded);
            AssertSameBytes(expected, banded, $"orientation {orientation}");
        }
    }

    [SkippableFact]
    public void A_jpeg_whose_exif_orientation_cannot_be_made_out_is_left_to_OpenCV_at_any_size()
    {
        NativeDecoder.RequireOrSkip();
        using var photo = Cv2.ImRead(SharedData.Image("3.jpg"), ImreadModes.Color);
        using var large = photo.Resize(new Size(3000, 2010), 0, 0, InterpolationFlags.Linear); // over 6 Mpixels
        var upright = large.ImEncode(".jpg");
        var outOfRange = ImageCodecTests.WithExifOrientation(upright, 42);
        var broken = ImageCodecTests.WithExifOrientation(upright, 6);
        broken[2 + 4 + 6] = (byte)'X'; // the TIFF byte order mark: OpenCV still reads orientation 6 from it

        foreach (var data in new[] { outOfRange, broken })
        {
            Assert.Equal(0, ImageHeader.JpegOrientation(data));
            var header = ImageCodec.CheckedHeader(data, Limits, "in.jpg");
            Assert.Null(CancellableJpegDecode.TryDecode(data, header, 1, "in.jpg", CancellationToken.None));
            using var decoded = ImageCodec.Decode(data, Limits, "in.jpg", null, out _, new CancellationTokenSource().Token);
            using var expected = Cv2.ImDecode(data, ImreadModes.Color);
            AssertSameBytes(expected, decoded, "orientation not made out");
        }
    }

    [SkippableTheory]
    [InlineData(false, 61, 45, 1)]
    [InlineData(true, 61, 45, 1)]
    [InlineData(true, 203, 120, 2)]
    public void A_cmyk_jpeg_decodes_to_OpenCVs_bytes(bool adobe, int width, int height, int reduction)
    {
        NativeDecoder.RequireOrSkip();
        var data = CmykJpeg.Write(width, height, (c, bx, by) => (byte)((bx * 37) + (by * 11) + (c * 50) + (bx * by % 7 * 30)), adobe);
        var header = ImageCodec.CheckedHeader(data, Limits, "cmyk.jpg");
        using var cancellation = new CancellationTokenSource();

        using var banded = CancellableJpegDecode.TryDecode(data, header, reduction, "cmyk.jpg", cancellation.Token);
        using var expected = Cv2.ImDecode(data, Mode(reduction));

        Assert.False(expected.Empty(), "OpenCV reads the test file");
        AssertSameBytes(expected, banded, $"CMYK {width}x{height} at 1/{reduction}");
        Assert.Throws<OperationCanceledException>(() => CancellableJpegDecode.TryDecode(data, header, 1, "cmyk.jpg", new CancellationToken(true)));
    }

    [SkippableFact]
    public void A_cancelled_token_stops_the_decode_before_it_starts()
    {
        NativeDecoder.RequireOrSkip();
        var data = File.ReadAllBytes(SharedData.Image("0.jpg"));
        var header = ImageCodec.CheckedHeader(data, Limits, "in.jpg");

        Assert.Throws<OperationCanceledException>(() => CancellableJpegDecode.TryDecode(data, header, 1, "in.jpg", new CancellationToken(true)));
        Assert.Throws<OperationCanceledException>(() => ImageCodec.Decode(data, Limits, "in.jpg", null, out _, new CancellationToken(true)));
    }

    [SkippableFact]
    public void A_token_cancelled_during_the_decode_stops_it_without_finishing()
    {
        NativeDecoder.RequireOrSkip();
        using var photo = Cv2.ImRead(SharedData.Image("0.jpg"), ImreadModes.Color);
        using var huge = photo.Resize(new Size(8000, 6000), 0, 0, InterpolationFlags.Linear);
        var data = huge.ImEncode(".jpg");
        using var cancellation = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        // The decode of 48 megapixels takes hundreds of milliseconds; the cancel lands as soon as this thread runs.
        var canceller = new Thread(() =>
        {
            started.Wait();
            cancellation.Cancel();
        });
        canceller.Start();

        var failure = Record.Exception(() =>
        {
            started.Set();
            using var decoded = ImageCodec.Decode(data, Limits, "huge.jpg", null, out _, cancellation.Token);
        });
        canceller.Join();

        Assert.IsAssignableFrom<OperationCanceledException>(failure);
    }

    [SkippableFact]
    public void Corrupt_data_fails_as_undecodable_like_OpenCV_and_rotated_photos_are_turned_like_OpenCV()
    {
        NativeDecoder.RequireOrSkip();
        var data = File.ReadAllBytes(SharedData.Image("2.jpg"));
        var bogus = (byte[])data.Clone();
        bogus[2 + 2 + 2 + 14 + 2 + 2 + 2] ^= 0xFF; // inside the first segments: a broken marker or table
        var rotated = ImageCodecTests.WithExifOrientation(data, 6);

        var cancellable = Record.Exception(() => ImageCodec.Decode(bogus, Limits, "bogus.jpg", null, out _, new CancellationTokenSource().Token));
        var openCv = Record.Exception(() => ImageCodec.Decode(bogus, Limits, "bogus.jpg"));
        var header = ImageCodec.CheckedHeader(rotated, Limits, "rotated.jpg");

        Assert.Equal(openCv is StepException { Failure: StepFailure.Undecodable }, cancellable is StepException { Failure: StepFailure.Undecodable });
        using (var direct = CancellableJpegDecode.TryDecode(rotated, header, 1, "rotated.jpg", CancellationToken.None))
        using (var expected = Cv2.ImDecode(rotated, ImreadModes.Color))
        {
            AssertSameBytes(expected, direct, "orientation 6");
        }

        using var turned = ImageCodec.Decode(rotated, Limits, "rotated.jpg", null, out var size, new CancellationTokenSource().Token);
        Assert.Equal((header.Height, header.Width, header.Height, header.Width), (turned.Width, turned.Height, size.Width, size.Height));
    }

    private static void AssertSameBytes(Mat expected, Mat? actual, string what)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.Width, expected.Height, expected.Type()), (actual.Width, actual.Height, actual.Type()));
        using var difference = new Mat();
        Cv2.Absdiff(expected, actual, difference);
        Assert.True(Cv2.CountNonZero(difference.Reshape(1)) == 0, $"{what}: the pixels differ from OpenCV's decode");
    }

    private static ImreadModes Mode(int reduction) => reduction switch
    {
        8 => ImreadModes.ReducedColor8,
        4 => ImreadModes.ReducedColor4,
        2 => ImreadModes.ReducedColor2,
        _ => ImreadModes.Color,
    };
}
