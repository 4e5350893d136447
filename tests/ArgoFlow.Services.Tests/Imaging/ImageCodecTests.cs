using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Imaging;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Imaging;

public sealed class ImageCodecTests
{
    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    public void Colour_and_single_channel_images_round_trip_through_every_format(string format)
    {
        using var colour = Cv2.ImRead(SharedData.Image("3.jpg"), ImreadModes.Color);
        using var gray = colour.CvtColor(ColorConversionCodes.BGR2GRAY);

        foreach (var image in new[] { colour, gray })
        {
            var bytes = ImageCodec.Encode(image, format, 80);
            var header = ImageHeader.TryRead(bytes);
            using var decoded = ImageCodec.Decode(bytes, new ImageLimits(), "test");

            Assert.Equal((format, 500, 335, true), (header?.Format, header?.Width, header?.Height, header?.Complete));
            Assert.Equal((500, 335, 3), (decoded.Width, decoded.Height, decoded.Channels()));
        }
    }

    [Fact]
    public void Png_stays_lossless_with_the_fast_filter_and_strategy()
    {
        using var colour = Cv2.ImRead(SharedData.Image("0.jpg"), ImreadModes.Color);
        using var gray = colour.CvtColor(ColorConversionCodes.BGR2GRAY);

        foreach (var image in new[] { colour, gray })
        {
            using var decoded = Cv2.ImDecode(ImageCodec.Encode(image, "png", 90), ImreadModes.Unchanged);
            using var difference = new Mat();
            Cv2.Absdiff(image, decoded, difference);

            Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
        }
    }

    [Fact]
    public void Jpeg_with_exif_rotation_decodes_with_swapped_sides_and_is_accepted()
    {
        using var image = Cv2.ImRead(SharedData.Image("3.jpg"), ImreadModes.Color);
        var jpeg = WithExifOrientation(ImageCodec.Encode(image, "jpeg", 90), 6);

        using var decoded = ImageCodec.Decode(jpeg, new ImageLimits(), "rotated.jpg");

        Assert.Equal((335, 500), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Truncated_webp_and_png_are_refused_before_decoding()
    {
        using var image = Cv2.ImRead(SharedData.Image("3.jpg"), ImreadModes.Color);

        foreach (var format in new[] { "png", "webp" })
        {
            var bytes = ImageCodec.Encode(image, format, 80);
            var ex = Assert.Throws<StepException>(() => ImageCodec.Decode(bytes.AsSpan(0, bytes.Length - 40), new ImageLimits(), "cut"));
            Assert.Equal(StepFailure.Undecodable, ex.Failure);
        }
    }

    /// <summary>Inserts an APP1 Exif segment with one Orientation entry right after SOI.</summary>
    internal static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD at offset 8
            0, 1,                                    // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1,            // Orientation, SHORT, count 1
            (byte)(orientation >> 8), (byte)orientation, 0, 0,
            0, 0, 0, 0,                              // no next IFD
        ];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
