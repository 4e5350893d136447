using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Filter;

public sealed class StreamedJpegFilterTests
{
    private static readonly ImageLimits Limits = new();

    [SkippableFact]
    public void The_native_decoder_is_built_and_loaded()
    {
        // A machine without gcc or libjpeg's headers builds without the streamed path: this and every streamed
        // test then report skipped with the reason, and .ci/run (which installs both) fails on those skips.
        NativeDecoder.RequireOrSkip();

        Assert.StartsWith("on (libargoflow_jpeg", StreamedJpegFilter.Status, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(1920, 1080, 5, 0x221111, false)] // the reference size
    [InlineData(1920, 1080, 3, 0x221111, false)]
    [InlineData(1283, 837, 5, 0x221111, false)] // sides that are no multiple of 16: a short last strip
    [InlineData(1600, 900, 5, 0x111111, false)] // 4:4:4 input
    [InlineData(1600, 900, 5, 0x221111, true)] // progressive input: no overlap (all scans come first), same result
    [InlineData(1024, 1024, 5, 0x211111, false)] // 4:2:2 input, the smallest image the path takes
    public void Decodes_to_exactly_the_pixels_of_decode_then_blur_then_encode(int width, int height, int kernel, int sampling, bool progressive)
    {
        NativeDecoder.RequireOrSkip();

        using var photo = Photo(width, height);
        var input = Jpeg(photo, sampling, progressive);
        var settings = new FilterSettings("gaussianBlur", KernelSize: kernel);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var streamed = StreamedJpegFilter.TryRun(input, Limits, "in.jpg", settings, "jpeg", 90);
        var measured = clock.Elapsed;

        Assert.NotNull(streamed);
        using var decoded = ImageCodec.Decode(input, Limits, "in.jpg");
        using var blurred = ImageFilters.Apply(decoded, settings);
        var sequential = ImageCodec.Encode(blurred, "jpeg", 90);
        Assert.Equal((width, height), (streamed.Width, streamed.Height));
        AssertSamePixels(sequential, streamed.Bytes);
        StageTimes.AssertOverlapped(measured, ("decode", streamed.DecodeMs, true), ("process", streamed.ProcessMs, false), ("encode", streamed.EncodeMs, true));
    }

    [SkippableFact]
    public void A_grayscale_jpeg_comes_out_as_the_colour_decode_does()
    {
        NativeDecoder.RequireOrSkip();

        using var photo = Photo(1280, 960);
        using var gray = photo.CvtColor(ColorConversionCodes.BGR2GRAY);
        Cv2.ImEncode(".jpg", gray, out var input, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
        var settings = new FilterSettings("gaussianBlur");

        var streamed = StreamedJpegFilter.TryRun(input, Limits, "gray.jpg", settings, "jpeg", 90);

        using var decoded = ImageCodec.Decode(input, Limits, "gray.jpg");
        using var blurred = ImageFilters.Apply(decoded, settings);
        AssertSamePixels(ImageCodec.Encode(blurred, "jpeg", 90), streamed!.Bytes);
    }

    [Fact]
    public void Other_operations_formats_sizes_and_rotated_photos_take_the_usual_path()
    {
        using var photo = Photo(1920, 1080);
        var jpeg = Jpeg(photo, 0x221111, false);
        Cv2.ImEncode(".png", photo, out var png);
        using var small = Photo(800, 600);
        var smallJpeg = Jpeg(small, 0x221111, false);
        var blur = new FilterSettings("gaussianBlur");

        Assert.Null(StreamedJpegFilter.TryRun(jpeg, Limits, "a", blur, "png", 90));
        Assert.Null(StreamedJpegFilter.TryRun(jpeg, Limits, "a", new FilterSettings("grayscale"), "jpeg", 90));
        Assert.Null(StreamedJpegFilter.TryRun(jpeg, Limits, "a", blur with { KernelSize = 7 }, "jpeg", 90));
        Assert.Null(StreamedJpegFilter.TryRun(jpeg, Limits, "a", blur with { Sigma = 2 }, "jpeg", 90));
        Assert.Null(StreamedJpegFilter.TryRun(png, Limits, "a", blur, "jpeg", 90));
        Assert.Null(StreamedJpegFilter.TryRun(smallJpeg, Limits, "a", blur, "jpeg", 90));
        // OpenCV turns a photo by its EXIF orientation while decoding; this path leaves those to it.
        Assert.Null(StreamedJpegFilter.TryRun(WithOrientation(jpeg, 6, littleEndian: true), Limits, "a", blur, "jpeg", 90));
    }

    [SkippableFact]
    public void Bad_input_fails_as_the_usual_decode_fails_and_writes_nothing()
    {
        NativeDecoder.RequireOrSkip();

        using var photo = Photo(1920, 1080);
        var jpeg = Jpeg(photo, 0x221111, false);
        var blur = new FilterSettings("gaussianBlur");

        var truncated = jpeg[..(jpeg.Length / 2)];
        var cut = Assert.Throws<StepException>(() => StreamedJpegFilter.TryRun(truncated, Limits, "cut.jpg", blur, "jpeg", 90));
        Assert.Equal(StepFailure.Undecodable, cut.Failure);
        Assert.Contains("truncated", cut.Message, StringComparison.Ordinal);

        var tooLarge = Assert.Throws<StepException>(() => StreamedJpegFilter.TryRun(jpeg, new ImageLimits { MaxPixels = 1_000_000 }, "big.jpg", blur, "jpeg", 90));
        Assert.Equal(StepFailure.TooLarge, tooLarge.Failure);

        // A Huffman table whose code counts add up to more codes than 16 bits hold: libjpeg stops with an error.
        var badTable = (byte[])jpeg.Clone();
        var dht = IndexOfMarker(badTable, 0xC4);
        for (var i = 0; i < 16; i++)
        {
            badTable[dht + 5 + i] = 0xFF;
        }

        var bogus = Assert.Throws<StepException>(() => StreamedJpegFilter.TryRun(badTable, Limits, "bogus.jpg", blur, "jpeg", 90));
        Assert.Equal(StepFailure.Undecodable, bogus.Failure);
        Assert.Contains("bogus.jpg", bogus.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Corrupt_entropy_data_is_decoded_as_far_as_it_goes_as_OpenCV_does()
    {
        NativeDecoder.RequireOrSkip();

        using var photo = Photo(1920, 1080);
        var jpeg = Jpeg(photo, 0x221111, false);
        var sos = IndexOfMarker(jpeg, 0xDA);
        var random = new Random(7);
        for (var i = sos + 40_000; i < sos + 40_400; i++)
        {
            jpeg[i] = (byte)(random.Next(0, 255) & 0x7F); // no FF: no stray markers, just wrong codes
        }

        var streamed = StreamedJpegFilter.TryRun(jpeg, Limits, "noisy.jpg", new FilterSettings("gaussianBlur"), "jpeg", 90);

        Assert.NotNull(streamed);
        using var decoded = Cv2.ImDecode(streamed.Bytes, ImreadModes.Color);
        Assert.Equal((1920, 1080), (decoded.Width, decoded.Height));
    }

    [SkippableFact]
    public void Mutated_jpegs_give_an_image_or_a_clear_error_never_a_crash()
    {
        NativeDecoder.RequireOrSkip();

        // The native decoder reads untrusted bytes: flip bytes in the headers and the data, cut the file short,
        // plant stray markers. libjpeg's fatal errors must come back as errors, not as a dead process.
        using var photo = Photo(1280, 960);
        var jpeg = Jpeg(photo, 0x221111, false);
        var random = new Random(20261126);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 240; i++)
        {
            var mutated = (byte[])jpeg.Clone();
            switch (i % 4)
            {
                case 0:
                    for (var k = 0; k <= random.Next(8); k++)
                    {
                        mutated[random.Next(2, 620)] = (byte)random.Next(256);
                    }

                    break;
                case 1:
                    for (var k = 0; k <= random.Next(40); k++)
                    {
                        mutated[random.Next(2, mutated.Length - 2)] = (byte)random.Next(256);
                    }

                    break;
                case 2:
                    mutated = [.. mutated[..random.Next(620, mutated.Length - 2)], 0xFF, 0xD9];
                    break;
                default:
                    var at = random.Next(2, 620);
                    mutated[at] = 0xFF;
                    mutated[at + 1] = (byte)random.Next(0xC0, 0x100);
                    break;
            }

            try
            {
                var result = StreamedJpegFilter.TryRun(mutated, Limits, "mutated.jpg", new FilterSettings("gaussianBlur"), "jpeg", 90);
                var key = result is null ? "usual path" : "image";
                outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
                if (result is not null)
                {
                    using var decoded = Cv2.ImDecode(result.Bytes, ImreadModes.Color);
                    Assert.Equal((result.Width, result.Height), (decoded.Width, decoded.Height));
                }
            }
            catch (StepException ex)
            {
                Assert.Contains(ex.Failure, new[] { StepFailure.Undecodable, StepFailure.TooLarge });
                Assert.StartsWith("mutated.jpg", ex.Message, StringComparison.Ordinal);
                outcomes["error"] = outcomes.GetValueOrDefault("error") + 1;
            }
        }

        Assert.True(outcomes.GetValueOrDefault("error") > 0 && outcomes.GetValueOrDefault("image") > 0, string.Join(", ", outcomes));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reads_the_exif_orientation_in_either_byte_order(bool littleEndian)
    {
        using var photo = Photo(320, 240);
        var jpeg = Jpeg(photo, 0x221111, false);

        Assert.Equal(1, ImageHeader.JpegOrientation(jpeg));
        Assert.Equal(6, ImageHeader.JpegOrientation(WithOrientation(jpeg, 6, littleEndian)));
        Assert.Equal(1, ImageHeader.JpegOrientation(WithOrientation(jpeg, 1, littleEndian)));
        Assert.Equal(0, ImageHeader.JpegOrientation(WithOrientation(jpeg, 42, littleEndian)));
        var broken = WithOrientation(jpeg, 6, littleEndian);
        broken[6 + 4 + 6] = (byte)'X'; // the TIFF byte order mark
        Assert.Equal(0, ImageHeader.JpegOrientation(broken));
    }

    private static Mat Photo(int width, int height)
    {
        using var photo = Cv2.ImRead(SharedData.Image("1.jpg"), ImreadModes.Color);
        var scaled = new Mat();
        Cv2.Resize(photo, scaled, new Size(width, height), 0, 0, InterpolationFlags.Cubic);
        return scaled;
    }

    private static byte[] Jpeg(Mat image, int sampling, bool progressive)
    {
        Cv2.ImEncode(".jpg", image, out var bytes,
            new ImageEncodingParam(ImwriteFlags.JpegQuality, 90),
            new ImageEncodingParam((ImwriteFlags)7, sampling),
            new ImageEncodingParam(ImwriteFlags.JpegProgressive, progressive ? 1 : 0));
        return bytes;
    }

    /// <summary>The JPEG with an APP1 EXIF segment after SOI whose IFD0 holds only the orientation tag.</summary>
    private static byte[] WithOrientation(byte[] jpeg, int orientation, bool littleEndian)
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange(littleEndian ? [(byte)v, (byte)(v >> 8)] : [(byte)(v >> 8), (byte)v]);
        void U32(int v) { if (littleEndian) { U16(v & 0xFFFF); U16(v >> 16); } else { U16(v >> 16); U16(v & 0xFFFF); } }
        tiff.AddRange(littleEndian ? "II"u8.ToArray() : "MM"u8.ToArray());
        U16(42);
        U32(8);
        U16(1); // one entry
        U16(0x0112);
        U16(3); // SHORT
        U32(1);
        U16(orientation);
        U16(0);
        U32(0); // no next IFD
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    private static int IndexOfMarker(byte[] jpeg, byte marker)
    {
        for (var i = 2; i + 3 < jpeg.Length;)
        {
            if (jpeg[i + 1] == marker)
            {
                return i;
            }

            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
        }

        throw new InvalidOperationException($"no marker {marker:X2}");
    }

    private static void AssertSamePixels(byte[] expected, byte[] actual)
    {
        using var a = Cv2.ImDecode(expected, ImreadModes.Unchanged);
        using var b = Cv2.ImDecode(actual, ImreadModes.Unchanged);
        Assert.Equal((a.Width, a.Height, a.Channels()), (b.Width, b.Height, b.Channels()));
        using var difference = new Mat();
        Cv2.Absdiff(a, b, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
    }
}
