using System.Diagnostics;
using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;
using Xunit.Abstractions;

namespace ArgoFlow.Services.Tests.Filter;

public sealed class TiledDenoiseTests(TiledDenoiseTests.Photos photos, ITestOutputHelper output) : IClassFixture<TiledDenoiseTests.Photos>
{
    private const float Strength = 10;

    [Theory]
    [InlineData(640, 7)] // 480 rows: full-width bands, 68 of 7 rows and a last one of 4
    [InlineData(640, 64)] // last band 32 rows
    [InlineData(640, 479)] // last band 1 row
    [InlineData(256, 100)] // 3 x 5 tiles: 128 columns and 80 rows at the right and bottom
    [InlineData(639, 479)] // last column and last row 1 pixel
    public void Tiles_are_byte_identical_to_one_whole_image_denoise(int tileWidth, int tileHeight)
    {
        using var banded = new Mat();
        TiledDenoise.Denoise(photos.Photo, banded, Strength, new Size(tileWidth, tileHeight), TiledDenoise.Margin, CancellationToken.None);

        Assert.Equal(0, Differing(banded, photos.WholePhoto));
    }

    [Fact]
    public void One_row_bands_are_byte_identical_to_one_whole_image_denoise()
    {
        using var rows = photos.Photo.RowRange(200, 240);
        using var strip = rows.Clone();
        using var whole = new Mat();
        Cv2.FastNlMeansDenoisingColored(strip, whole, Strength, Strength);
        using var banded = new Mat();
        TiledDenoise.Denoise(strip, banded, Strength, new Size(640, 1), TiledDenoise.Margin, CancellationToken.None);

        Assert.Equal(0, Differing(banded, whole));
    }

    [Fact]
    public void A_margin_one_pixel_short_of_the_neighbourhood_changes_pixels()
    {
        // Shows the margin is the least that works: one row less and the pixels next to a cut see reflected ones.
        using var banded = new Mat();
        TiledDenoise.Denoise(photos.Photo, banded, Strength, new Size(256, 64), TiledDenoise.Margin - 1, CancellationToken.None);

        var differing = Differing(banded, photos.WholePhoto);
        output.WriteLine($"margin {TiledDenoise.Margin - 1}: {differing} samples differ");
        Assert.NotEqual(0, differing);
    }

    [Fact]
    public void A_1920x1080_photo_is_denoised_in_tiles_byte_identical_to_one_call()
    {
        Assert.True(TiledDenoise.IsTiled(1920, 1080), "1920x1080 is cut into tiles");
        var clock = Stopwatch.StartNew();
        using var whole = new Mat();
        Cv2.FastNlMeansDenoisingColored(photos.Large, whole, Strength, Strength);
        var wholeTime = clock.Elapsed;
        clock.Restart();
        using var banded = ImageFilters.Apply(photos.Large, new FilterSettings("denoise", Strength: Strength));
        var bandedTime = clock.Elapsed;

        // Printed for docs/services.md, not asserted (no timed unit tests).
        output.WriteLine($"1920x1080: one call {wholeTime.TotalMilliseconds:F0} ms, {TiledDenoise.TileSide}-pixel tiles {bandedTime.TotalMilliseconds:F0} ms");
        Assert.Equal(0, Differing(banded, whole));
    }

    [Fact]
    public void Small_images_stay_one_call()
    {
        Assert.False(TiledDenoise.IsTiled(300, 300));
        Assert.False(TiledDenoise.IsTiled(5_000, 10), "under 100,000 pixels");
        Assert.True(TiledDenoise.IsTiled(256, 1000), "one tile wide but four high");
        using var corner = new Mat(photos.Photo, new Rect(0, 0, 300, 300));
        using var small = corner.Clone();
        using var whole = new Mat();
        Cv2.FastNlMeansDenoisingColored(small, whole, Strength, Strength);
        using var filtered = ImageFilters.Apply(small, new FilterSettings("denoise", Strength: Strength));

        Assert.Equal(0, Differing(filtered, whole));
    }

    [Fact]
    public void A_cancel_from_another_thread_stops_a_large_denoise()
    {
        // One call takes seconds on 1920x1080; the cancel comes after 50 ms.
        var (thrown, finished) = CancelMidway.Run(
            token =>
            {
                using var denoised = ImageFilters.Apply(photos.Large, new FilterSettings("denoise", Strength: Strength), token);
            },
            TimeSpan.FromMilliseconds(50));

        Assert.False(finished, "the denoise ran to its end");
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
    }

    private static int Differing(Mat a, Mat b)
    {
        Assert.Equal((a.Size(), a.Type()), (b.Size(), b.Type()));
        using var difference = new Mat();
        Cv2.Absdiff(a, b, difference);
        return Cv2.CountNonZero(difference.Reshape(1));
    }

    /// <summary>A real 640x480 photo, its whole-image denoise, and the photo upscaled to 1920x1080, made once for the class.</summary>
    public sealed class Photos : IDisposable
    {
        public Photos()
        {
            Photo = Cv2.ImRead(SharedData.Image("2.jpg"), ImreadModes.Color);
            WholePhoto = new Mat();
            Cv2.FastNlMeansDenoisingColored(Photo, WholePhoto, Strength, Strength);
            Large = new Mat();
            Cv2.Resize(Photo, Large, new Size(1920, 1080), 0, 0, InterpolationFlags.Cubic);
        }

        public Mat Photo { get; }

        public Mat WholePhoto { get; }

        public Mat Large { get; }

        public void Dispose()
        {
            Photo.Dispose();
            WholePhoto.Dispose();
            Large.Dispose();
        }
    }
}
