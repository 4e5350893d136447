using ArgoFlow.Services.Resize;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Resize;

public sealed class AreaShrinkTests
{
    [Theory]
    [InlineData(960, 540, 640, 360, 3)] // the reference resize after a half-size decode: 3/2 on both axes
    [InlineData(1000, 750, 640, 480, 3)] // 25/16 and 25/16
    [InlineData(720, 405, 640, 360, 3)] // 9/8
    [InlineData(500, 335, 300, 201, 3)] // 5/3 on both axes
    [InlineData(520, 300, 390, 200, 3)] // 4/3 and 3/2
    [InlineData(960, 540, 352, 352, 3)] // detect's input after a half-size decode: 30/11 (four columns) and 135/88
    [InlineData(640, 360, 352, 352, 3)] // detect's input in the pipeline: 20/11 and 45/44
    [InlineData(1000, 999, 400, 333, 3)] // 5/2 across, a whole 3 down
    [InlineData(960, 540, 480, 360, 3)] // 2 across (whole), 3/2 down
    public void Gives_OpenCVs_INTER_AREA_result(int width, int height, int toWidth, int toHeight, int channels)
    {
        using var image = Photo(width, height, channels);
        var size = new Size(toWidth, toHeight);
        using var expected = new Mat();
        using var actual = new Mat();

        Assert.True(AreaShrink.Supports(image, size));
        Cv2.Resize(image, expected, size, 0, 0, InterpolationFlags.Area);
        AreaShrink.Apply(image, actual, size);

        Assert.Equal((toWidth, toHeight, channels), (actual.Width, actual.Height, actual.Channels()));
        using var difference = new Mat();
        Cv2.Absdiff(expected, actual, difference);
        Cv2.MinMaxLoc(difference.Reshape(1), out _, out double largest);
        // Only an exact half (possible when p_x * p_y is even) may round the other way in OpenCV's floats.
        Assert.True(largest <= 1, $"largest difference {largest}");
        if ((width / Gcd(width, toWidth)) * (height / Gcd(height, toHeight)) % 2 == 1)
        {
            Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
        }
    }

    [Fact]
    public void Whole_factors_enlargements_and_awkward_ratios_stay_with_OpenCV()
    {
        using var image = Photo(960, 540, 3);

        Assert.False(AreaShrink.Supports(image, new Size(480, 270))); // OpenCV's fast path
        Assert.False(AreaShrink.Supports(image, new Size(1920, 1080)));
        Assert.False(AreaShrink.Supports(image, new Size(641, 359))); // 960/641: numerator too large
        Assert.False(AreaShrink.Supports(image, new Size(300, 200))); // more than 3 across
        using var gray = image.CvtColor(ColorConversionCodes.BGR2GRAY);
        Assert.False(AreaShrink.Supports(gray, new Size(640, 360)));
    }

    [Fact]
    public void Resizer_uses_it_and_keeps_the_planned_size()
    {
        using var image = Photo(960, 540, 3);

        using var resized = Resizer.Resize(image, new ResizeSettings(640, 360, null, "fit"));
        using var reference = new Mat();
        Cv2.Resize(image, reference, new Size(640, 360), 0, 0, InterpolationFlags.Area);
        using var difference = new Mat();
        Cv2.Absdiff(reference, resized, difference);

        Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static Mat Photo(int width, int height, int channels)
    {
        using var photo = Cv2.ImRead(SharedData.Image("2.jpg"), ImreadModes.Color);
        using var scaled = new Mat();
        Cv2.Resize(photo, scaled, new Size(width, height), 0, 0, InterpolationFlags.Cubic);
        return channels switch
        {
            1 => scaled.CvtColor(ColorConversionCodes.BGR2GRAY),
            4 => scaled.CvtColor(ColorConversionCodes.BGR2BGRA),
            _ => scaled.Clone(),
        };
    }
}
