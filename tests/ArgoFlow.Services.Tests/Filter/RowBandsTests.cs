using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Filter;

/// <summary>Large filters run in bands of rows give the bytes one whole-image OpenCV call gives, and stop when cancelled.</summary>
public sealed class RowBandsTests(RowBandsTests.Photo photo) : IClassFixture<RowBandsTests.Photo>
{
    private readonly Mat _image = photo.Image;

    [Theory]
    [InlineData(99, 0)]
    [InlineData(7, 0)]
    [InlineData(31, 12.5)]
    public void A_banded_gaussian_blur_is_one_whole_image_blur(int kernel, double sigma)
    {
        var settings = new FilterSettings("gaussianBlur", KernelSize: kernel, Sigma: sigma);
        using var whole = new Mat();
        Cv2.GaussianBlur(_image, whole, new Size(kernel, kernel), sigma);

        AssertSame(whole, settings);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(21)]
    public void A_banded_median_is_one_whole_image_median(int kernel)
    {
        using var whole = new Mat();
        Cv2.MedianBlur(_image, whole, kernel);

        AssertSame(whole, new FilterSettings("medianBlur", KernelSize: kernel));
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(9.3, 2.5)]
    public void A_banded_sharpen_is_one_whole_image_unsharp_mask(double sigma, double amount)
    {
        using var blurred = new Mat();
        using var whole = new Mat();
        Cv2.GaussianBlur(_image, blurred, new Size(0, 0), sigma > 0 ? sigma : 1.5);
        Cv2.AddWeighted(_image, 1 + amount, blurred, -amount, 0, whole);

        AssertSame(whole, new FilterSettings("sharpen", Sigma: sigma, Amount: amount));
    }

    [Theory]
    [InlineData(0, 0, 2000, 1500)] // the whole image: OpenCV's bit-exact code
    [InlineData(100, 37, 1700, 1300)] // a view: OpenCV's other code, reading the pixels around the region
    [InlineData(0, 600, 2000, 900)] // a view touching three edges
    public void A_large_region_blurred_in_bands_is_the_region_blurred_in_one_call(int x, int y, int width, int height)
    {
        var region = new Rect(x, y, width, height);
        var settings = new FilterSettings("blurRegions", KernelSize: 61) { Regions = [region, new Rect(10, 10, 40, 40)] };
        using var expected = _image.Clone();
        foreach (var r in RegionSet.Merge(settings.Regions, _image.Width, _image.Height))
        {
            using var roi = new Mat(expected, r);
            Cv2.GaussianBlur(roi, roi, new Size(61, 61), 0);
        }

        Assert.True(RowBands.BandRows(width, height, 30) > 0, "the region is cut into bands");
        AssertSame(expected, settings);
    }

    [Fact]
    public void Banded_grayscale_brightness_and_pixelation_are_one_whole_image_call()
    {
        using var gray = new Mat();
        Cv2.CvtColor(_image, gray, ColorConversionCodes.BGR2GRAY);
        AssertSame(gray, new FilterSettings("grayscale"));

        using var adjusted = new Mat();
        _image.ConvertTo(adjusted, -1, 1.3, -12.5);
        AssertSame(adjusted, new FilterSettings("brightnessContrast", Brightness: -12.5, Contrast: 1.3));

        var region = new Rect(13, 7, 1900, 1400);
        using var pixelated = _image.Clone();
        using (var roi = new Mat(pixelated, region))
        using (var tiny = new Mat())
        {
            Cv2.Resize(roi, tiny, new Size(1900 / 16, 1400 / 16), 0, 0, InterpolationFlags.Area);
            Cv2.Resize(tiny, roi, region.Size, 0, 0, InterpolationFlags.Nearest);
        }

        AssertSame(pixelated, new FilterSettings("pixelateRegions") { Regions = [region] });
    }

    [Fact]
    public void Small_images_and_short_bands_take_one_call()
    {
        Assert.Equal(0, RowBands.BandRows(999, 1000, 49));
        Assert.Equal(0, RowBands.BandRows(100_000, 300, 49)); // 196-row bands would be most of 300 rows
        Assert.True(RowBands.BandRows(2000, 1500, 49) >= 196);
    }

    [Fact]
    public void A_cancel_stops_a_banded_median_between_bands()
    {
        // The whole median of kernel 21 takes seconds here; the cancel comes after 30 ms.
        var settings = new FilterSettings("medianBlur", KernelSize: 21);
        var (thrown, finished) = CancelMidway.Run(token => ImageFilters.Apply(_image, settings, token).Dispose(), TimeSpan.FromMilliseconds(30));

        Assert.False(finished);
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ImageFilters.Apply(_image, new FilterSettings("gaussianBlur", KernelSize: 99), cancelled.Token));
    }

    private void AssertSame(Mat expected, FilterSettings settings)
    {
        using var banded = ImageFilters.Apply(_image, settings);
        Assert.Equal((expected.Width, expected.Height, expected.Type()), (banded.Width, banded.Height, banded.Type()));
        using var difference = new Mat();
        Cv2.Absdiff(banded, expected, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
    }

    /// <summary>A real photo at 2000x1500 (3 Mpixels, so every operation here is cut into bands), made once.</summary>
    public sealed class Photo : IDisposable
    {
        public Photo()
        {
            using var photo = Cv2.ImRead(SharedData.Image("0.jpg"), ImreadModes.Color);
            Image = new Mat();
            Cv2.Resize(photo, Image, new Size(2000, 1500), 0, 0, InterpolationFlags.Cubic);
        }

        public Mat Image { get; }

        public void Dispose() => Image.Dispose();
    }
}
