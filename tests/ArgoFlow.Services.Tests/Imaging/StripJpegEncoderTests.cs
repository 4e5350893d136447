using ArgoFlow.Services.Imaging;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Imaging;

public sealed class StripJpegEncoderTests
{
    [Theory]
    [InlineData(1920, 1080, 3, 2)] // the reference size: 68 MCU rows, two strips of 34
    [InlineData(1920, 1080, 3, 12)] // more strips than RST0..RST7: the marker numbers wrap around
    [InlineData(1283, 1037, 3, 2)] // sides that are not multiples of 16: the last strip is shorter and padded
    [InlineData(1600, 900, 1, 3)] // grayscale: 8-row MCUs
    public void Strips_decode_to_exactly_the_pixels_of_a_one_thread_encode(int width, int height, int channels, int strips)
    {
        using var image = Photo(width, height, channels);

        var joined = StripJpegEncoder.Encode(image, 90, strips);
        Cv2.ImEncode(".jpg", image, out var single, StripJpegEncoder.Parameters(90));

        Assert.True(HasMarker(joined, 0xDD), "a restart interval (DRI) is declared");
        using var a = Cv2.ImDecode(joined, ImreadModes.Unchanged);
        using var b = Cv2.ImDecode(single, ImreadModes.Unchanged);
        Assert.Equal((width, height, channels), (a.Width, a.Height, a.Channels()));
        using var difference = new Mat();
        Cv2.Absdiff(a, b, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
        Assert.Equal(1, Count(joined, 0xD8));
        Assert.Equal(1, Count(joined, 0xD9));
    }

    [Fact]
    public void A_restart_interval_never_exceeds_16_bits_so_a_very_wide_image_takes_more_strips()
    {
        // 20000 px = 1250 MCUs per row; two strips of 64 MCU rows would need an interval of 80000.
        using var image = new Mat(1024, 20000, MatType.CV_8UC3, new Scalar(40, 120, 200));
        Cv2.Rectangle(image, new Rect(5000, 100, 9000, 700), new Scalar(200, 60, 10), -1);

        var joined = StripJpegEncoder.Encode(image, 75, 2);

        var interval = RestartInterval(joined);
        Assert.InRange(interval, 1250, ushort.MaxValue);
        Assert.Equal(0, interval % 1250);
        using var decoded = Cv2.ImDecode(joined, ImreadModes.Color);
        Assert.Equal((20000, 1024), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Small_images_and_one_strip_are_encoded_in_one_piece_without_restarts()
    {
        using var small = Photo(640, 360, 3);
        using var large = Photo(1920, 1080, 3);

        Assert.False(HasMarker(StripJpegEncoder.Encode(small, 90, 2), 0xDD));
        Assert.False(HasMarker(StripJpegEncoder.Encode(large, 90, 1), 0xDD));
    }

    [Fact]
    public void Strips_whose_tables_differ_are_not_joined()
    {
        using var image = Photo(640, 480, 3);
        Cv2.ImEncode(".jpg", image.RowRange(0, 240), out var top, StripJpegEncoder.Parameters(90));
        Cv2.ImEncode(".jpg", image.RowRange(240, 480), out var bottom, StripJpegEncoder.Parameters(50));

        Assert.Null(StripJpegEncoder.Join([top, bottom], 480, 40 * 15));
        Assert.NotNull(StripJpegEncoder.Join([top, top], 480, 40 * 15));
    }

    [Fact]
    public void ImageCodec_encodes_a_large_jpeg_in_strips_that_every_decoder_reads_as_one_image()
    {
        using var image = Photo(1920, 1080, 3);

        var bytes = ImageCodec.Encode(image, "jpeg", 85);
        var header = ImageHeader.TryRead(bytes);
        using var decoded = ImageCodec.Decode(bytes, new ImageLimits(), "strips.jpg");

        Assert.Equal(Environment.ProcessorCount > 1, HasMarker(bytes, 0xDD));
        Assert.Equal(("jpeg", 1920, 1080, true), (header?.Format, header?.Width, header?.Height, header?.Complete));
        Assert.Equal((1920, 1080), (decoded.Width, decoded.Height));
    }

    /// <summary>A shared photo scaled to the size: real content, so the entropy coder has real work.</summary>
    private static Mat Photo(int width, int height, int channels)
    {
        using var photo = Cv2.ImRead(SharedData.Image("0.jpg"), ImreadModes.Color);
        var scaled = new Mat();
        Cv2.Resize(photo, scaled, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        if (channels == 1)
        {
            using (scaled)
            {
                return scaled.CvtColor(ColorConversionCodes.BGR2GRAY);
            }
        }

        return scaled;
    }

    /// <summary>Markers outside the entropy-coded data are the only FF bytes not followed by 00 or an RST code.</summary>
    private static int Count(byte[] jpeg, byte marker)
    {
        var count = 0;
        for (var i = 0; i + 1 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == marker)
            {
                count++;
            }
        }

        return count;
    }

    private static bool HasMarker(byte[] jpeg, byte marker) => Count(jpeg, marker) > 0;

    private static int RestartInterval(byte[] jpeg)
    {
        for (var i = 0; i + 5 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xDD)
            {
                return (jpeg[i + 4] << 8) | jpeg[i + 5];
            }
        }

        return 0;
    }
}
