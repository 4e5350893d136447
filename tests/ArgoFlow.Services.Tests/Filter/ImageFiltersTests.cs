using ArgoFlow.Services.Filter;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Filter;

public sealed class ImageFiltersTests : IDisposable
{
    private readonly Mat _photo = Cv2.ImRead(SharedData.Image("2.jpg"), ImreadModes.Color);

    public void Dispose() => _photo.Dispose();

    [Fact]
    public void Grayscale_output_has_equal_channels_once_decoded_as_colour()
    {
        using var gray = ImageFilters.Apply(_photo, new FilterSettings("grayscale"));
        Cv2.ImEncode(".png", gray, out var png);
        using var decoded = Cv2.ImDecode(png, ImreadModes.Color);
        var channels = decoded.Split();

        Assert.Equal(0, Cv2.CountNonZero(channels[0] - channels[1]));
        Assert.Equal(0, Cv2.CountNonZero(channels[1] - channels[2]));
        Assert.NotEqual(0, Cv2.CountNonZero(_photo.Split()[0] - _photo.Split()[2]));
    }

    [Theory]
    [InlineData("blurRegions")]
    [InlineData("pixelateRegions")]
    public void Region_filters_change_pixels_inside_the_boxes_and_none_outside(string operation)
    {
        var regions = new[] { new Rect(100, 100, 120, 150), new Rect(400, 50, 100, 100) };

        using var result = ImageFilters.Apply(_photo, new FilterSettings(operation, KernelSize: 31) { Regions = regions });
        using var diff = new Mat();
        Cv2.Absdiff(_photo, result, diff);
        using var changed = diff.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var outside = changed.Clone();
        foreach (var region in regions)
        {
            using var inside = new Mat(changed, region);
            Assert.True(Cv2.CountNonZero(inside) > region.Width * region.Height / 4, $"{operation} left {region} mostly unchanged");
            outside[region].SetTo(Scalar.All(0));
        }

        Assert.Equal(0, Cv2.CountNonZero(outside));
    }

    [Fact]
    public void Regions_partly_outside_the_image_are_clipped_not_rejected()
    {
        using var result = ImageFilters.Apply(_photo, new FilterSettings("blurRegions") { Regions = [new Rect(-50, -50, 200, 200), new Rect(5000, 5000, 10, 10)] });

        Assert.Equal(_photo.Size(), result.Size());
        Assert.Single(ImageFilters.Clip([new Rect(-50, -50, 200, 200), new Rect(5000, 5000, 10, 10)], _photo.Width, _photo.Height));
    }

    [Theory]
    [InlineData("gaussianBlur")]
    [InlineData("medianBlur")]
    public void Smoothing_filters_reduce_high_frequency_detail(string operation)
    {
        using var result = ImageFilters.Apply(_photo, new FilterSettings(operation, KernelSize: 9));

        Assert.True(Sharpness(result) < Sharpness(_photo) * 0.8, $"{operation}: {Sharpness(result)} vs {Sharpness(_photo)}");
    }

    [Fact]
    public void Denoise_brings_a_noisy_copy_closer_to_the_clean_photo()
    {
        using var clean = _photo.Resize(new Size(320, 240));
        using var flatNoise = new Mat(clean.Height, clean.Width * 3, MatType.CV_16SC1);
        var random = new Random(7);
        var values = new short[clean.Width * clean.Height * 3];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (short)random.Next(-25, 26);
        }

        flatNoise.SetArray(values);
        using var noise = flatNoise.Reshape(3);
        using var noisy = new Mat();
        using var clean16 = new Mat();
        clean.ConvertTo(clean16, MatType.CV_16SC3);
        Cv2.Add(clean16, noise, clean16);
        clean16.ConvertTo(noisy, MatType.CV_8UC3);

        using var denoised = ImageFilters.Apply(noisy, new FilterSettings("denoise", Strength: 15));

        Assert.True(Cv2.Norm(denoised, clean) < Cv2.Norm(noisy, clean) * 0.8);
    }

    [Fact]
    public void Sharpen_increases_high_frequency_detail()
    {
        using var result = ImageFilters.Apply(_photo, new FilterSettings("sharpen", Amount: 2));

        Assert.True(Sharpness(result) > Sharpness(_photo) * 1.2);
    }

    [Fact]
    public void Edges_are_a_binary_canny_map()
    {
        using var result = ImageFilters.Apply(_photo, new FilterSettings("edges"));

        Assert.Equal(1, result.Channels());
        Cv2.MinMaxLoc(result, out double min, out double max);
        Assert.Equal((0d, 255d), (min, max));
        Assert.True(Cv2.CountNonZero(result) < result.Width * result.Height / 2);
    }

    [Fact]
    public void Brightness_and_contrast_shift_and_scale_every_pixel()
    {
        using var flat = new Mat(10, 10, MatType.CV_8UC3, Scalar.All(100));

        using var result = ImageFilters.Apply(flat, new FilterSettings("brightnessContrast", Brightness: 20, Contrast: 1.5));

        Assert.Equal(170, result.At<Vec3b>(5, 5).Item1);
    }

    private static double Sharpness(Mat image)
    {
        using var gray = image.Channels() == 1 ? image.Clone() : image.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var laplacian = new Mat();
        Cv2.Laplacian(gray, laplacian, MatType.CV_64F);
        Cv2.MeanStdDev(laplacian, out _, out var std);
        return std.Val0;
    }
}
