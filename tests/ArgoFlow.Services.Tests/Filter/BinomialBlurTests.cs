using ArgoFlow.Services.Filter;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Filter;

public sealed class BinomialBlurTests
{
    [Theory]
    [InlineData(1920, 1080, 3, 5)]
    [InlineData(1920, 1080, 3, 3)]
    [InlineData(641, 359, 3, 5)] // odd sizes: the vector loops leave a scalar tail
    [InlineData(500, 335, 1, 5)]
    [InlineData(333, 97, 4, 3)]
    [InlineData(64, 64, 3, 5)]
    public void Gives_the_same_bytes_as_OpenCVs_GaussianBlur_with_sigma_0(int width, int height, int channels, int kernel)
    {
        using var image = Photo(width, height, channels);
        using var expected = new Mat();
        using var actual = new Mat();

        Assert.True(BinomialBlur.Supports(image, kernel, 0));
        Cv2.GaussianBlur(image, expected, new Size(kernel, kernel), 0);
        BinomialBlur.Apply(image, actual, kernel);

        using var difference = new Mat();
        Cv2.Absdiff(expected, actual, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
    }

    [Fact]
    public void Noise_with_full_range_values_stays_exact()
    {
        // Extremes (0 and 255 next to each other) test the 16-bit sums at their largest.
        using var noise = new Mat(257, 513, MatType.CV_8UC3);
        Cv2.Randu(noise, Scalar.All(0), Scalar.All(256));
        using var expected = new Mat();
        using var actual = new Mat();

        Cv2.GaussianBlur(noise, expected, new Size(5, 5), 0);
        BinomialBlur.Apply(noise, actual, 5);

        using var difference = new Mat();
        Cv2.Absdiff(expected, actual, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
    }

    [Fact]
    public void Other_kernels_sigmas_views_and_depths_are_left_to_OpenCV()
    {
        using var image = Photo(640, 360, 3);
        using var view = new Mat(image, new Rect(10, 10, 300, 200));
        using var floats = new Mat(360, 640, MatType.CV_32FC3);

        Assert.False(BinomialBlur.Supports(image, 7, 0));
        Assert.False(BinomialBlur.Supports(image, 5, 1.5));
        Assert.False(BinomialBlur.Supports(view, 5, 0));
        Assert.False(BinomialBlur.Supports(floats, 5, 0));
        using var tiny = Photo(40, 30, 3);
        Assert.False(BinomialBlur.Supports(tiny, 5, 0));
    }

    private static Mat Photo(int width, int height, int channels)
    {
        using var photo = Cv2.ImRead(SharedData.Image("1.jpg"), ImreadModes.Color);
        using var scaled = new Mat();
        Cv2.Resize(photo, scaled, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        return channels switch
        {
            1 => scaled.CvtColor(ColorConversionCodes.BGR2GRAY),
            4 => scaled.CvtColor(ColorConversionCodes.BGR2BGRA),
            _ => scaled.Clone(),
        };
    }
}
