using System.IO.Compression;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Imaging;

/// <summary>Issue 14, point 7: the PNG decode a cancelled call can stop gives OpenCV's IMREAD_COLOR bytes for every PNG kind.</summary>
public sealed class PngDecoderTests
{
    private static readonly ImageLimits Limits = new();

    [Fact]
    public void Pngs_OpenCV_writes_decode_to_its_bytes_and_use_all_five_filter_types()
    {
        using var photo = Cv2.ImRead(SharedData.Image("1.jpg"), ImreadModes.Color);
        using var small = photo.Resize(new Size(157, 93), 0, 0, InterpolationFlags.Area);
        Cv2.Rectangle(small, new Rect(0, 0, small.Width, 4), Scalar.All(0), -1); // rows all filters predict exactly: libpng's heuristic picks None
        var filters = new HashSet<int>();
        var count = 0;
        foreach (var image in Variants(small))
        {
            foreach (var level in new[] { 0, 1, 6, 9 })
            {
                var data = image.ImEncode(".png", new ImageEncodingParam(ImwriteFlags.PngCompression, level));
                AssertDecodesLikeOpenCv(data, $"{image.Type()} level {level}");
                filters.UnionWith(FilterTypes(data));
                count++;
            }

            image.Dispose();
        }

        Assert.Equal(24, count);
        Assert.Equal([0, 1, 2, 3, 4], filters.Order());
    }

    [Theory]
    [InlineData(8, 0)] // IMWRITE_PNG_FILTER's PNG_FILTER_NONE, SUB, UP, AVG, PAETH
    [InlineData(16, 1)]
    [InlineData(32, 2)]
    [InlineData(64, 3)]
    [InlineData(128, 4)]
    public void A_png_OpenCV_writes_with_one_filter_decodes_to_its_bytes(int flag, int filter)
    {
        using var photo = Cv2.ImRead(SharedData.Image("3.jpg"), ImreadModes.Color);
        using var small = photo.Resize(new Size(211, 101), 0, 0, InterpolationFlags.Area);
        foreach (var image in Variants(small))
        {
            var data = image.ImEncode(".png", new ImageEncodingParam((ImwriteFlags)19, flag));
            Assert.All(FilterTypes(data).Skip(1), f => Assert.Equal(filter, f)); // libpng may choose another for the first row
            AssertDecodesLikeOpenCv(data, $"{image.Type()} filter {filter}");
            image.Dispose();
        }
    }

    [Fact]
    public void A_bilevel_png_from_OpenCV_decodes_to_its_bytes()
    {
        using var photo = Cv2.ImRead(SharedData.Image("2.jpg"), ImreadModes.Grayscale);
        using var odd = photo.Resize(new Size(203, 77));
        using var bilevel = odd.Threshold(128, 255, ThresholdTypes.Binary);

        var data = bilevel.ImEncode(".png", new ImageEncodingParam(ImwriteFlags.PngBilevel, 1));

        Assert.Equal(1, data[24]); // the IHDR's bit depth: OpenCV really wrote one bit a pixel
        AssertDecodesLikeOpenCv(data, "bilevel");
    }

    public static TheoryData<int, int> Formats() => new()
    {
        { 0, 1 }, { 0, 2 }, { 0, 4 }, { 0, 8 }, { 0, 16 },
        { 2, 8 }, { 2, 16 },
        { 3, 1 }, { 3, 2 }, { 3, 4 }, { 3, 8 },
        { 4, 8 }, { 4, 16 },
        { 6, 8 }, { 6, 16 },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_colour_type_and_bit_depth_decodes_like_OpenCV_with_each_filter_and_Adam7(int colorType, int depth)
    {
        var sizes = new[] { (1, 1), (3, 7), (33, 17), (2, 1), (9, 3), (64, 5) };
        foreach (var interlaced in new[] { false, true })
        {
            foreach (var (width, height) in sizes)
            {
                foreach (var filter in new[] { -1, 0, 1, 2, 3, 4 })
                {
                    var data = PngTestWriter.Png(width, height, depth, colorType, interlaced, filter, seed: width + filter, idatSize: 50);
                    AssertDecodesLikeOpenCv(data, $"type {colorType} depth {depth} {width}x{height} filter {filter} interlaced {interlaced}");
                }
            }
        }
    }

    [Fact]
    public void Transparency_and_short_palettes_are_treated_as_OpenCV_treats_them()
    {
        AssertDecodesLikeOpenCv(PngTestWriter.Png(31, 9, 8, 2, trns: [0, 5, 0, 6, 0, 7]), "RGB with tRNS");
        AssertDecodesLikeOpenCv(PngTestWriter.Png(31, 9, 4, 0, trns: [0, 3]), "4-bit gray with tRNS");
        AssertDecodesLikeOpenCv(PngTestWriter.Png(31, 9, 8, 3, paletteEntries: 7, trns: [0, 128, 255]), "palette of 7 with tRNS");
        AssertDecodesLikeOpenCv(PngTestWriter.Png(40, 40, 8, 3, true, paletteEntries: 256), "interlaced palette of 256");
    }

    [Fact]
    public void Palette_indices_past_the_PLTE_decode_as_OpenCV_decodes_them()
    {
        var random = new Random(5);
        var filtered = PngTestWriter.Filtered(23, 11, 8, 3, false, -1, random); // indices 0-255
        byte[] palette = [.. Enumerable.Range(0, 12).Select(i => (byte)(20 * i))];
        var data = PngTestWriter.File([
            PngTestWriter.Chunk("IHDR", PngTestWriter.Ihdr(23, 11, 8, 3, 0)),
            PngTestWriter.Chunk("PLTE", palette),
            PngTestWriter.Chunk("IDAT", PngTestWriter.Zlib(filtered, CompressionLevel.Fastest)),
            PngTestWriter.Chunk("IEND", []),
        ]);

        AssertDecodesLikeOpenCv(data, "palette of 4 entries, indices to 255");
    }

    [Fact]
    public void Every_shared_photo_as_png_decodes_to_OpenCVs_bytes()
    {
        var images = Directory.GetFiles(SharedData.ImagesDir, "*.jpg").Order(StringComparer.Ordinal).ToList();
        foreach (var path in images)
        {
            using var photo = Cv2.ImRead(path, ImreadModes.Color);
            using var alpha = photo.CvtColor(ColorConversionCodes.BGR2BGRA);
            AssertDecodesLikeOpenCv(photo.ImEncode(".png"), $"{path} by OpenCV");
            AssertDecodesLikeOpenCv(PngEncoder.Encode(photo), $"{path} by PngEncoder");
            AssertDecodesLikeOpenCv(alpha.ImEncode(".png"), $"{path} with alpha");
        }

        Assert.Equal(5, images.Count);
    }

    [Fact]
    public void A_cancelled_token_stops_the_decode_before_it_starts()
    {
        var data = PngTestWriter.Png(64, 64, 8, 2);

        Assert.Throws<OperationCanceledException>(() => PngDecoder.TryDecode(data, "in.png", new CancellationToken(true)));
        Assert.Throws<OperationCanceledException>(() => ImageCodec.Decode(data, Limits, "in.png", null, out _, new CancellationToken(true)));
    }

    [Fact]
    public void A_token_cancelled_during_a_large_decode_stops_it_without_finishing()
    {
        // 7000x5250 RGB is 110 MB of rows to inflate and unfilter, far more than fits in the 20 ms before the cancel.
        using var photo = Cv2.ImRead(SharedData.Image("0.jpg"), ImreadModes.Color);
        using var large = photo.Resize(new Size(7000, 5250), 0, 0, InterpolationFlags.Linear);
        var data = PngEncoder.Encode(large);

        var (thrown, finished) = CancelMidway.Run(token =>
        {
            using var decoded = ImageCodec.Decode(data, Limits, "large.png", null, out _, token);
        }, TimeSpan.FromMilliseconds(20));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.False(finished);
    }

    /// <summary>
    /// The decode through <see cref="ImageCodec"/> with a cancellable token, and <see cref="PngDecoder"/> itself
    /// (which must take the file, not leave it to OpenCV), equal OpenCV's decode byte for byte.
    /// </summary>
    internal static void AssertDecodesLikeOpenCv(byte[] data, string what)
    {
        using var cancellation = new CancellationTokenSource();
        using var expected = Cv2.ImDecode(data, ImreadModes.Color);
        Assert.False(expected.Empty(), $"{what}: OpenCV does not decode it");
        using var direct = PngDecoder.TryDecode(data, what, cancellation.Token);
        using var throughCodec = ImageCodec.Decode(data, Limits, what, null, out _, cancellation.Token);
        AssertSameBytes(expected, direct, what);
        AssertSameBytes(expected, throughCodec, what);
    }

    internal static void AssertSameBytes(Mat expected, Mat? actual, string what)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.Width, expected.Height, expected.Type()), (actual.Width, actual.Height, actual.Type()));
        using var difference = new Mat();
        Cv2.Absdiff(expected, actual, difference);
        Assert.True(Cv2.CountNonZero(difference.Reshape(1)) == 0, $"{what}: the pixels differ from OpenCV's decode");
    }

    /// <summary>8 and 16-bit gray, BGR and BGRA versions of a photo, with noise so the 16-bit low bytes vary.</summary>
    private static IEnumerable<Mat> Variants(Mat bgr)
    {
        using var noise = new Mat(bgr.Size(), MatType.CV_16UC3);
        Cv2.Randu(noise, Scalar.All(0), Scalar.All(256));
        using var wide = new Mat();
        bgr.ConvertTo(wide, MatType.CV_16UC3, 256);
        using var wideNoisy = wide + noise;
        yield return bgr.Clone();
        yield return bgr.CvtColor(ColorConversionCodes.BGR2GRAY);
        yield return bgr.CvtColor(ColorConversionCodes.BGR2BGRA);
        yield return wideNoisy.ToMat();
        yield return wideNoisy.ToMat().CvtColor(ColorConversionCodes.BGR2GRAY);
        yield return wideNoisy.ToMat().CvtColor(ColorConversionCodes.BGR2BGRA);
    }

    /// <summary>The filter type of every row of a non-interlaced PNG (its image data inflated here).</summary>
    private static IEnumerable<int> FilterTypes(byte[] png)
    {
        using var decoded = Cv2.ImDecode(png, ImreadModes.Unchanged);
        var stride = (decoded.Width * (int)decoded.ElemSize()) + 1;
        var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (png.AsSpan(at + 4, 4).SequenceEqual("IDAT"u8))
            {
                idat.Write(png, at + 8, length);
            }

            at += length + 12;
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        var rows = new byte[stride * decoded.Height];
        zlib.ReadExactly(rows);
        return Enumerable.Range(0, decoded.Height).Select(r => (int)rows[r * stride]);
    }
}
