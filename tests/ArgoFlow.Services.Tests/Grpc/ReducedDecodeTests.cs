using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Resize;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Grpc;

/// <summary>Large JPEGs are decoded reduced when the result allows it; sizes and boxes still refer to the full image.</summary>
public sealed class ReducedDecodeTests : IClassFixture<HostFixture>
{
    private readonly TestHost _host;

    public ReducedDecodeTests(HostFixture fixture)
    {
        _host = fixture.Host;
        Upscaled("1.jpg", "big/bus.jpg", 2);
    }

    [Theory]
    [InlineData(640, 360, 0, "fit", 2)]
    [InlineData(200, 100, 0, "fill", 4)] // 8 would do upright, but a rotated source needs 200x356
    [InlineData(0, 0, 100, "fit", 8)]
    [InlineData(1500, 0, 0, "fit", 1)]
    [InlineData(0, 0, 1000, "fit", 1)]
    public void Reduction_is_the_largest_that_still_covers_the_scaled_size_in_both_orientations(int width, int height, int maxSide, string fit, int expected)
    {
        var settings = new ResizeSettings(width == 0 ? null : width, height == 0 ? null : height, maxSide == 0 ? null : maxSide, fit);

        Assert.Equal(expected, Resizer.ReductionFor(1920, 1080, settings));
    }

    [Fact]
    public async Task Resize_of_a_large_jpeg_reports_the_full_source_size_and_the_exact_output_size()
    {
        var client = new ResizeService.ResizeServiceClient(_host.Channel);

        var fit = await client.ResizeAsync(new ResizeRequest { Input = "big/bus.jpg", Width = 320 });
        var fill = await client.ResizeAsync(new ResizeRequest { Input = "big/bus.jpg", Width = 101, Height = 77, Fit = "fill" });

        Assert.Equal((320, 240, 1280, 960), (fit.Width, fit.Height, fit.SourceWidth, fit.SourceHeight));
        Assert.Equal((101, 77), (fill.Width, fill.Height));
        using var written = Cv2.ImRead(new Uri(fill.Output).LocalPath);
        Assert.Equal(new Size(101, 77), written.Size());
    }

    [Fact]
    public async Task Detect_on_a_large_jpeg_returns_boxes_in_full_size_pixels()
    {
        var reference = ReferenceDetections.For("1.jpg").Single();

        var response = await new DetectService.DetectServiceClient(_host.Channel).DetectAsync(new DetectRequest { Input = "big/bus.jpg" });

        var bus = Assert.Single(response.Detections);
        var expected = reference with { X1 = reference.X1 * 2, Y1 = reference.Y1 * 2, X2 = reference.X2 * 2, Y2 = reference.Y2 * 2 };
        var actual = new DetectedObject(bus.ClassId, bus.ClassName, bus.Score, bus.Box.X1, bus.Box.Y1, bus.Box.X2, bus.Box.Y2);
        Assert.Equal((1280, 960, "bus"), (response.Width, response.Height, bus.ClassName));
        Assert.True(Nms.Iou(expected, actual) >= 0.9, $"{actual} vs {expected}");
    }

    private void Upscaled(string image, string key, int factor)
    {
        var path = Path.Combine(_host.StoreRoot, key);
        if (File.Exists(path))
        {
            return;
        }

        using var photo = Cv2.ImRead(SharedData.Image(image));
        using var big = photo.Resize(new Size(photo.Width * factor, photo.Height * factor), 0, 0, InterpolationFlags.Cubic);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Cv2.ImWrite(path, big);
    }
}
