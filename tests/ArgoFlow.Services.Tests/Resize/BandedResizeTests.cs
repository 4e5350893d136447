using ArgoFlow.Services.Resize;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;
using Xunit.Abstractions;

namespace ArgoFlow.Services.Tests.Resize;

public sealed class BandedResizeTests(BandedResizeTests.LargePhoto large, ITestOutputHelper output) : IClassFixture<BandedResizeTests.LargePhoto>
{
    private readonly Mat _photo = large.Image;

    [Theory]
    [InlineData("linear")]
    [InlineData("cubic")]
    [InlineData("lanczos")]
    public void Bands_differ_from_one_whole_image_resize_by_at_most_one(string interpolation)
    {
        var settings = new ResizeSettings(6000, null, null, Interpolation: interpolation);
        Assert.True(BandedResize.BandRows(_photo.Rows, new Size(6000, 4500)) > 0, "7000x5250 to 6000x4500 is cut into bands");

        using var banded = Resizer.Resize(_photo, settings);
        using var whole = new Mat();
        Cv2.Resize(_photo, whole, new Size(6000, 4500), 0, 0, Resizer.Interpolation(interpolation));

        using var difference = new Mat();
        Cv2.Absdiff(banded, whole, difference);
        difference.Reshape(1).MinMaxLoc(out double _, out double max);
        var differing = Cv2.CountNonZero(difference.Reshape(1));
        output.WriteLine($"{interpolation}: max |diff| {max}, {differing} of {whole.Total() * 3} samples differ");
        Assert.Equal((6000, 4500), (banded.Width, banded.Height));
        Assert.InRange(max, 0, 1);
    }

    [Theory]
    [InlineData("cubic", 2000, 1500)]
    [InlineData("lanczos", 2300, 1725)] // 3.97 megapixels: just under the limit
    public void Outputs_under_four_megapixels_are_byte_identical_to_one_resize(string interpolation, int width, int height)
    {
        using var banded = Resizer.Resize(_photo, new ResizeSettings(width, height, null, "stretch", interpolation));
        using var whole = new Mat();
        Cv2.Resize(_photo, whole, new Size(width, height), 0, 0, Resizer.Interpolation(interpolation));

        Assert.Equal(0, BandedResize.BandRows(_photo.Rows, new Size(width, height)));
        using var difference = new Mat();
        Cv2.Absdiff(banded, whole, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));
    }

    [Theory]
    [InlineData("linear", 6000, 4499, 1)] // rows never line up, columns every 7th: column bands
    [InlineData("cubic", 6000, 4499, 0)]
    [InlineData("lanczos", 6000, 4499, 1)]
    [InlineData("linear", 5999, 4499, 0)] // neither lines up: one call into memory faulted in beforehand
    [InlineData("cubic", 5999, 4499, 0)]
    [InlineData("lanczos", 5999, 4499, 1)] // neither lines up: remapped bands
    public void Large_sizes_whose_rows_never_line_up_stay_within_one_of_a_whole_image_resize(string interpolation, int width, int height, int most)
    {
        // 5250 and 4499 (11 x 409) share no factor: no row band but the first starts on a whole output row.
        var size = new Size(width, height);
        Assert.Equal(0, BandedResize.BandRows(5250, size));
        Assert.Equal(width == 6000, BandedResize.BandRows(7000, new Size(height, width)) > 0); // the columns line up

        using var banded = new Mat();
        BandedResize.Resize(_photo, banded, size, Resizer.Interpolation(interpolation));
        using var whole = new Mat();
        Cv2.Resize(_photo, whole, size, 0, 0, Resizer.Interpolation(interpolation));

        using var difference = new Mat();
        Cv2.Absdiff(banded, whole, difference);
        using var samples = difference.Reshape(1);
        samples.MinMaxLoc(out double _, out double max);
        output.WriteLine($"{interpolation} to {width}x{height}: max |diff| {max}, mean {Cv2.Mean(samples).Val0:F4}");
        Assert.Equal((width, height), (banded.Width, banded.Height));
        Assert.InRange(max, 0, most);
    }

    [Fact]
    public void A_cancel_stops_a_remapped_resize()
    {
        using var resized = new Mat();
        var (thrown, finished) = CancelMidway.Run(
            token => BandedResize.Resize(_photo, resized, new Size(6999, 5249), InterpolationFlags.Lanczos4, token),
            TimeSpan.FromMilliseconds(20));

        Assert.False(finished);
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
    }

    [Fact]
    public void A_cancelled_token_stops_a_banded_resize()
    {
        // The lanczos resize takes hundreds of ms; the cancel comes after 20 ms.
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var resized = new Mat();
        var (thrown, _) = CancelMidway.Run(
            token => BandedResize.Resize(_photo, resized, new Size(6000, 4500), InterpolationFlags.Lanczos4, token),
            TimeSpan.FromMilliseconds(20));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            BandedResize.Resize(_photo, resized, new Size(6000, 4500), InterpolationFlags.Cubic, cancelled.Token));
    }

    /// <summary>A real photo upscaled to 7000x5250, made once for the class.</summary>
    public sealed class LargePhoto : IDisposable
    {
        public LargePhoto()
        {
            using var photo = Cv2.ImRead(SharedData.Image("0.jpg"), ImreadModes.Color);
            Image = new Mat();
            Cv2.Resize(photo, Image, new Size(7000, 5250), 0, 0, InterpolationFlags.Cubic);
        }

        public Mat Image { get; }

        public void Dispose() => Image.Dispose();
    }
}
