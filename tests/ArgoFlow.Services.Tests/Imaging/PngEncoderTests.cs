using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Imaging;

public sealed class PngEncoderTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 1, 3)]
    [InlineData(1, 1, 4)]
    [InlineData(333, 217, 1)] // odd sides
    [InlineData(333, 217, 3)]
    [InlineData(333, 217, 4)]
    [InlineData(5, 300_000, 3)] // tall and thin: many bands of many rows
    public void Opencv_decodes_exactly_the_source_pixels(int width, int height, int channels)
    {
        using var image = Noise(width, height, channels);

        using var decoded = Cv2.ImDecode(PngEncoder.Encode(image), ImreadModes.Unchanged);

        AssertSamePixels(image, decoded);
    }

    [Fact]
    public void A_photo_in_colour_and_grey_round_trips_exactly()
    {
        using var colour = Cv2.ImRead(SharedData.Image("0.jpg"), ImreadModes.Color);
        using var gray = colour.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var alpha = colour.CvtColor(ColorConversionCodes.BGR2BGRA);

        foreach (var image in new[] { colour, gray, alpha })
        {
            using var decoded = Cv2.ImDecode(PngEncoder.Encode(image), ImreadModes.Unchanged);
            AssertSamePixels(image, decoded);
        }
    }

    [Fact]
    public void A_region_of_a_larger_image_is_encoded_row_by_row_not_as_one_block()
    {
        using var photo = Cv2.ImRead(SharedData.Image("1.jpg"), ImreadModes.Color);
        using var region = new Mat(photo, new Rect(17, 9, 201, 133)); // not continuous: rows are a step apart

        using var decoded = Cv2.ImDecode(PngEncoder.Encode(region), ImreadModes.Unchanged);

        AssertSamePixels(region, decoded);
    }

    [Fact]
    public void A_cancelled_token_stops_a_big_encode_with_operation_cancelled()
    {
        // 6000x4500 of noise is some 80 MB through the filter and zlib, far more than can be done in the 20 ms
        // before the cancel.
        using var image = Noise(6000, 4500, 3);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var (thrown, _) = CancelMidway.Run(token => PngEncoder.Encode(image, token), TimeSpan.FromMilliseconds(20));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.ThrowsAny<OperationCanceledException>(() => PngEncoder.Encode(image, cancelled.Token));
    }

    [Fact]
    public void The_codec_writes_pngs_with_this_encoder_and_the_same_size_limits()
    {
        using var image = Noise(64, 48, 3);

        var bytes = ImageCodec.Encode(image, "png", 90);

        Assert.Equal(PngEncoder.Encode(image), bytes);
        Assert.Throws<ArgoFlow.Services.Errors.StepException>(() => ImageCodec.CheckEncodable(1_000_001, 1, "png"));
    }

    private static Mat Noise(int width, int height, int channels)
    {
        var image = new Mat(height, width, MatType.CV_8UC(channels));
        Cv2.Randu(image, Scalar.All(0), Scalar.All(256));
        // smooth regions too, so the filter's predictions are exercised on real gradients as well as noise
        Cv2.Rectangle(image, new Rect(0, 0, width / 2, height / 2), Scalar.All(77), -1);
        return image;
    }

    private static void AssertSamePixels(Mat expected, Mat actual)
    {
        Assert.Equal((expected.Width, expected.Height, expected.Channels(), expected.Depth()), (actual.Width, actual.Height, actual.Channels(), actual.Depth()));
        using var difference = new Mat();
        Cv2.Absdiff(expected, actual, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
    }
}
