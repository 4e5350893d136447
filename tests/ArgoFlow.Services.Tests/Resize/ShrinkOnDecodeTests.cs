using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Resize;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Resize;

public sealed class ShrinkOnDecodeTests
{
    [Theory]
    [InlineData(1920, 1080, 640, 360, null, 2)]
    [InlineData(4000, 3000, null, null, 400, 8)]
    [InlineData(1920, 1080, 1280, 720, null, 1)]
    [InlineData(640, 480, 1280, 960, null, 1)]
    public void Reduction_is_the_largest_that_still_leaves_the_pixels_the_resize_needs(
        int width, int height, int? toWidth, int? toHeight, int? maxSide, int expected) =>
        Assert.Equal(expected, Resizer.DecodeReduction(width, height, new ResizeSettings(toWidth, toHeight, maxSide)));

    [Fact]
    public void Fill_reduction_keeps_the_pixels_of_the_cover_size_not_only_the_output()
    {
        // 1920x1080 filling 480x480 scales to 853x480 first: a 1/2 decode (960x540) is enough, a 1/4 (480x270) is not.
        Assert.Equal(2, Resizer.DecodeReduction(1920, 1080, new ResizeSettings(480, 480, null, "fill")));
    }

    [Theory]
    [InlineData(2, 961, 541)]
    [InlineData(4, 481, 271)]
    [InlineData(8, 241, 136)]
    public void Reduced_jpeg_decode_has_the_rounded_up_fraction_of_the_size(int reduce, int width, int height)
    {
        using var image = new Mat(1081, 1921, MatType.CV_8UC3, new Scalar(10, 120, 200));
        var jpeg = ImageCodec.Encode(image, "jpeg", 90);
        using var decoded = ImageCodec.Decode(jpeg, new ImageLimits(), "test.jpg", reduce);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Png_ignores_the_reduction_and_decodes_at_full_size()
    {
        using var image = new Mat(100, 200, MatType.CV_8UC3, new Scalar(1, 2, 3));
        using var decoded = ImageCodec.Decode(ImageCodec.Encode(image, "png", 0), new ImageLimits(), "test.png", 4);
        Assert.Equal((200, 100), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Resize_after_a_reduced_decode_has_the_same_size_as_after_a_full_decode()
    {
        using var image = new Mat(1081, 1921, MatType.CV_8UC3, new Scalar(10, 120, 200));
        var jpeg = ImageCodec.Encode(image, "jpeg", 90);
        var settings = new ResizeSettings(641, null, null);
        using var full = ImageCodec.Decode(jpeg, new ImageLimits(), "t.jpg");
        using var reduced = ImageCodec.Decode(jpeg, new ImageLimits(), "t.jpg", Resizer.DecodeReduction(1921, 1081, settings));
        using var fromFull = Resizer.Resize(full, settings);
        using var fromReduced = Resizer.Resize(reduced, settings, 1921, 1081);
        Assert.NotEqual(full.Width, reduced.Width);
        Assert.Equal(fromFull.Size(), fromReduced.Size());
    }
}
