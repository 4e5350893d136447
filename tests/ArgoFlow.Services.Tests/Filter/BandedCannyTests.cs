using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Filter;

public sealed class BandedCannyTests(BandedCannyTests.Images images) : IClassFixture<BandedCannyTests.Images>
{
    [Theory]
    [InlineData("photo", 100, 200)]
    [InlineData("photo", 20, 60)]
    [InlineData("photo", 200, 100)] // thresholds in either order, as OpenCV takes them
    [InlineData("photo", 80.5, 80.5)]
    [InlineData("noise", 100, 200)]
    [InlineData("noise", 10, 300)]
    public void Banded_edges_are_one_whole_image_canny(string which, double low, double high)
    {
        var gray = which == "photo" ? images.Photo : images.Noise;
        using var whole = new Mat();
        Cv2.Canny(gray, whole, low, high);
        using var banded = new Mat();
        BandedCanny.Apply(gray, banded, low, high, CancellationToken.None);

        Assert.True(Cv2.CountNonZero(whole) > 1000, "the image has edges to connect");
        using var difference = new Mat();
        Cv2.Absdiff(banded, whole, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference));
    }

    [Fact]
    public void A_cancel_stops_the_edges()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var output = new Mat();
        Assert.ThrowsAny<OperationCanceledException>(() => BandedCanny.Apply(images.Noise, output, 10, 300, cancelled.Token));
        var (thrown, finished) = CancelMidway.Run(token => BandedCanny.Apply(images.Noise, output, 10, 300, token), TimeSpan.FromMilliseconds(15));
        Assert.True(finished || thrown is OperationCanceledException);
    }

    /// <summary>A photo at 2400x1800 and blurred noise (dense, long edges), both gray, made once.</summary>
    public sealed class Images : IDisposable
    {
        public Images()
        {
            using var photo = Cv2.ImRead(SharedData.Image("0.jpg"), ImreadModes.Grayscale);
            Photo = new Mat();
            Cv2.Resize(photo, Photo, new Size(2400, 1800), 0, 0, InterpolationFlags.Cubic);
            using var noise = new Mat(1800, 2400, MatType.CV_8UC1);
            Cv2.Randu(noise, 0, 256);
            Noise = new Mat();
            Cv2.GaussianBlur(noise, Noise, new Size(7, 7), 0);
        }

        public Mat Photo { get; }

        public Mat Noise { get; }

        public void Dispose()
        {
            Photo.Dispose();
            Noise.Dispose();
        }
    }
}
