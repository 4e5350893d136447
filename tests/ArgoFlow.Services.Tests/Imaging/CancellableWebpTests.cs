using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;
using static ArgoFlow.Services.Tests.Support.WebpSamples;

namespace ArgoFlow.Services.Tests.Imaging;

/// <summary>Issue 14, point 7: the WebP encode and decode a cancelled call can stop, and their pixels against OpenCV's.</summary>
public sealed class CancellableWebpTests
{
    private static readonly ImageLimits Limits = new();

    [SkippableFact]
    public void Every_shared_photo_decodes_to_OpenCVs_bytes_lossy_and_lossless()
    {
        NativeWebpCodec.RequireOrSkip();
        var images = Directory.GetFiles(SharedData.ImagesDir, "*.jpg").Order(StringComparer.Ordinal).ToList();

        foreach (var path in images)
        {
            using var photo = Cv2.ImRead(path, ImreadModes.Color);
            foreach (var quality in new[] { 10, 80, 100, 101 })
            {
                AssertDecodesLikeOpenCv(OpenCvWebp(photo, quality), $"{Path.GetFileName(path)} q{quality}");
            }
        }

        Assert.Equal(5, images.Count);
    }

    [SkippableTheory]
    [InlineData(1, 1)]
    [InlineData(333, 217)]
    [InlineData(1001, 3)]
    [InlineData(2049, 1537)]
    public void Odd_sizes_with_and_without_alpha_decode_to_OpenCVs_bytes(int width, int height)
    {
        NativeWebpCodec.RequireOrSkip();
        using var bgr = Photo(width, height);
        using var bgra = WithAlpha(bgr);

        foreach (var (image, kind) in new[] { (bgr, "BGR"), (bgra, "BGRA") })
        {
            foreach (var quality in new[] { 75, 101 })
            {
                AssertDecodesLikeOpenCv(OpenCvWebp(image, quality), $"{width}x{height} {kind} q{quality}");
            }
        }
    }

    [SkippableTheory]
    [InlineData(1, 25)]
    [InlineData(3, 80)]
    [InlineData(4, 80)]
    [InlineData(3, 100)]
    public void A_lossy_encode_is_OpenCVs_size_and_quality(int channels, int quality)
    {
        NativeWebpCodec.RequireOrSkip();
        using var photo = Photo(1283, 1037);
        using var image = channels switch
        {
            1 => photo.CvtColor(ColorConversionCodes.BGR2GRAY),
            4 => WithAlpha(photo),
            _ => photo.Clone(),
        };

        var ours = CancellableWebp.TryEncode(image, quality, CancellationToken.None);
        var openCv = OpenCvWebp(image, quality);

        Assert.NotNull(ours);
        Assert.Equal(ours, ImageCodec.Encode(image, "webp", quality));
        using var decoded = Cv2.ImDecode(ours, ImreadModes.Color);
        using var reference = Cv2.ImDecode(openCv, ImreadModes.Color);
        using var original = channels == 3 ? photo.Clone() : image.CvtColor(channels == 1 ? ColorConversionCodes.GRAY2BGR : ColorConversionCodes.BGRA2BGR);
        Assert.Equal((reference.Width, reference.Height, reference.Type()), (decoded.Width, decoded.Height, decoded.Type()));
        // Same settings, possibly another libwebp version than OpenCV's: the two decodes are nearly the same image,
        // and as close to the original, in about as many bytes.
        Assert.True(Cv2.PSNR(decoded, reference) > 40, $"PSNR against OpenCV's encode {Cv2.PSNR(decoded, reference):F1} dB");
        Assert.InRange(Cv2.PSNR(decoded, original) - Cv2.PSNR(reference, original), -0.5, 0.5);
        Assert.InRange(ours!.Length, openCv.Length * 0.9, openCv.Length * 1.1);
    }

    [SkippableFact]
    public void The_colour_conversion_in_bands_gives_the_file_of_a_whole_image_conversion()
    {
        NativeWebpCodec.RequireOrSkip();
        using var bgr = Photo(1283, 1037); // 1037 rows: the last band of 64 is 13 rows, odd
        using var opaque = bgr.CvtColor(ColorConversionCodes.BGR2BGRA);
        using var partly = opaque.Clone(); // alpha in some bands only, so others import without an alpha plane
        using (var middle = new Mat(partly, new Rect(100, 300, 700, 150)))
        {
            Cv2.Randu(middle, Scalar.All(0), Scalar.All(256));
        }

        foreach (var image in new[] { bgr, opaque, partly })
        {
            var whole = Encode(image, 0);
            foreach (var bandRows in new[] { 2, 64, 1000 })
            {
                Assert.Equal(whole, Encode(image, bandRows));
            }
        }

        static unsafe byte[]? Encode(Mat image, int bandRows)
        {
            var cancel = 0;
            var bytes = NativeWebp.Encode((byte*)image.Data, image.Width, image.Height, (int)image.Step(), image.Channels(), 80, false, bandRows, &cancel, out var error);
            Assert.Null(error);
            return bytes;
        }
    }

    [SkippableFact]
    public void Quality_over_100_is_lossless_and_round_trips_exactly_as_in_OpenCV()
    {
        NativeWebpCodec.RequireOrSkip();
        using var bgr = Photo(517, 389);
        using var bgra = WithAlpha(bgr);
        using var gray = bgr.CvtColor(ColorConversionCodes.BGR2GRAY);

        foreach (var image in new[] { bgr, bgra, gray })
        {
            var bytes = CancellableWebp.TryEncode(image, 101, CancellationToken.None);

            Assert.NotNull(bytes);
            using var decoded = Cv2.ImDecode(bytes, ImreadModes.Unchanged);
            using var expected = image.Channels() == 1 ? image.CvtColor(ColorConversionCodes.GRAY2BGR) : image.Clone();
            // libwebp (as OpenCV calls it, without `exact`) may change the colour of fully transparent pixels.
            using var alpha = image.Channels() == 4 ? image.ExtractChannel(3) : null;
            using var transparent = alpha?.InRange(Scalar.All(0), Scalar.All(0));
            Assert.Equal(0, Differing(expected, decoded, transparent));
            using var openCv = Cv2.ImDecode(OpenCvWebp(image, 101), ImreadModes.Unchanged);
            Assert.Equal(0, Differing(openCv, decoded));
        }
    }

    [SkippableFact]
    public void A_cancelled_token_stops_the_encode_and_the_decode_before_they_start()
    {
        NativeWebpCodec.RequireOrSkip();
        using var photo = Photo(640, 480);
        var data = OpenCvWebp(photo, 80);
        var cancelled = new CancellationToken(true);

        Assert.Throws<OperationCanceledException>(() => CancellableWebp.TryEncode(photo, 80, cancelled));
        Assert.Throws<OperationCanceledException>(() => ImageCodec.Encode(photo, "webp", 80, cancelled));
        Assert.Throws<OperationCanceledException>(() => ImageCodec.Decode(data, Limits, "in.webp", null, out _, cancelled));
    }

    [SkippableFact]
    public void A_cancel_from_another_thread_stops_a_large_encode()
    {
        NativeWebpCodec.RequireOrSkip();
        // 6000x4500 takes seconds to encode at any quality; the cancel comes after 50 ms.
        using var large = Photo(6000, 4500);

        var (thrown, finished) = CancelMidway.Run(token => ImageCodec.Encode(large, "webp", 90, token), TimeSpan.FromMilliseconds(50));

        Assert.False(finished, "the encode ran to its end");
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
    }

    [SkippableFact]
    public void A_cancel_from_another_thread_stops_a_large_decode()
    {
        NativeWebpCodec.RequireOrSkip();
        // Noise compresses badly: 3000x2250 at quality 90 is some 6 MB (about 100 pieces) that take hundreds of
        // milliseconds to decode.
        using var noise = new Mat(2250, 3000, MatType.CV_8UC3);
        Cv2.Randu(noise, Scalar.All(0), Scalar.All(256));
        var data = OpenCvWebp(noise, 90);

        var (thrown, finished) = CancelMidway.Run(
            token =>
            {
                using var decoded = ImageCodec.Decode(data, Limits, "large.webp", null, out _, token);
            },
            TimeSpan.FromMilliseconds(20));

        Assert.False(finished, "the decode ran to its end");
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
    }

    private static void AssertDecodesLikeOpenCv(byte[] data, string what)
    {
        using var cancellation = new CancellationTokenSource();
        var header = ImageCodec.CheckedHeader(data, Limits, what);
        using var ours = CancellableWebp.TryDecode(data, header, what, cancellation.Token);
        using var throughCodec = ImageCodec.Decode(data, Limits, what, null, out _, cancellation.Token);
        using var expected = Cv2.ImDecode(data, ImreadModes.Color);

        Assert.NotNull(ours);
        Assert.True(Differing(expected, ours) == 0, $"{what}: the pixels differ from OpenCV's decode");
        Assert.True(Differing(expected, throughCodec) == 0, $"{what}: the codec's pixels differ from OpenCV's decode");
    }
}
