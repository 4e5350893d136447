using ArgoFlow.Services.Resize;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Resize;

public sealed class ResizerTests
{
    public static TheoryData<int?, int?, int?, string, int, int> Cases => new()
    {
        // width, height, maxSide, fit -> expected output of a 1920x1080 source
        { 640, 360, null, "fit", 640, 360 },
        { 640, 640, null, "fit", 640, 360 },
        { 300, 300, null, "fill", 300, 300 },
        { 640, 100, null, "fill", 640, 100 },
        { 500, 500, null, "stretch", 500, 500 },
        { 960, null, null, "fit", 960, 540 },
        { null, 270, null, "fit", 480, 270 },
        { null, null, 1000, "fit", 1000, 563 },
        { 3840, 3840, null, "fit", 3840, 2160 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_size_follows_the_fit_mode(int? width, int? height, int? maxSide, string fit, int expectedWidth, int expectedHeight)
    {
        using var source = new Mat(1080, 1920, MatType.CV_8UC3, Scalar.All(128));

        using var result = Resizer.Resize(source, new ResizeSettings(width, height, maxSide, fit));

        Assert.Equal((expectedWidth, expectedHeight), (result.Width, result.Height));
    }

    [Theory]
    [InlineData("fit")]
    [InlineData("fill")]
    public void Fit_and_fill_keep_the_aspect_ratio_of_the_content(string fit)
    {
        // A centred circle stays round (equal extent in x and y) unless the image is stretched.
        using var source = new Mat(1080, 1920, MatType.CV_8UC3, Scalar.All(0));
        Cv2.Circle(source, new Point(960, 540), 400, Scalar.All(255), -1);

        using var result = Resizer.Resize(source, new ResizeSettings(400, 400, null, fit));
        var (w, h) = Extent(result);

        Assert.InRange(w / h, 0.97, 1.03);
    }

    [Fact]
    public void Stretch_distorts_the_content_to_the_exact_size()
    {
        using var source = new Mat(1080, 1920, MatType.CV_8UC3, Scalar.All(0));
        Cv2.Circle(source, new Point(960, 540), 400, Scalar.All(255), -1);

        using var result = Resizer.Resize(source, new ResizeSettings(400, 400, null, "stretch"));
        var (w, h) = Extent(result);

        Assert.InRange(w / h, 0.5, 0.6);
    }

    [Theory]
    [InlineData("area")]
    [InlineData("linear")]
    [InlineData("cubic")]
    [InlineData("lanczos")]
    public void Every_interpolation_produces_the_planned_size(string interpolation)
    {
        using var source = new Mat(480, 640, MatType.CV_8UC3, Scalar.All(99));

        using var result = Resizer.Resize(source, new ResizeSettings(320, null, null, "fit", interpolation));

        Assert.Equal((320, 240), (result.Width, result.Height));
        Assert.Equal(99, result.At<Vec3b>(120, 160).Item0);
    }

    private static (double Width, double Height) Extent(Mat image)
    {
        using var gray = new Mat();
        Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);
        using var mask = new Mat();
        Cv2.Threshold(gray, mask, 127, 255, ThresholdTypes.Binary);
        var box = Cv2.BoundingRect(mask);
        return (box.Width, box.Height);
    }
}
