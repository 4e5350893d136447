using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Resize;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Imaging;

/// <summary>Issue 14, points 2, 4, 5 and 6 at the level of the pure classes.</summary>
public sealed class HardeningLimitsTests
{
    [Fact]
    public void Scans_are_counted_from_the_markers_of_baseline_progressive_and_padded_jpegs()
    {
        using var photo = Cv2.ImRead(SharedData.Image("0.jpg"));
        var baseline = photo.ImEncode(".jpg");
        var progressive = photo.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegProgressive, 1));
        var lastSos = progressive.AsSpan().LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]);
        var padded = progressive[..^2].Concat(Enumerable.Repeat(progressive[lastSos..^2], 500).SelectMany(s => s)).Concat(new byte[] { 0xFF, 0xD9 }).ToArray();

        Assert.Equal(1, JpegScans.Count(baseline, 100));
        var scans = JpegScans.Count(progressive, 100);
        Assert.InRange(scans, 2, 20);
        Assert.Equal(101, JpegScans.Count(padded, 100)); // counting stops once the limit is passed
        var ex = Assert.Throws<StepException>(() => ImageCodec.CheckedHeader(padded, new ImageLimits(), "bomb.jpg"));
        Assert.Equal(StepFailure.TooLarge, ex.Failure);
        Assert.Contains("more than 100 scans", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 40_000, 320, null, "fit", "width")]
    [InlineData(1, 40_000, 4000, 4000, "fill", "width")]
    [InlineData(40_000, 1, null, 2000, "fit", "height")]
    public void A_resize_whose_result_is_over_the_pixel_limit_is_refused_naming_the_field(int w, int h, int? width, int? height, string fit, string field)
    {
        var ex = Assert.Throws<StepException>(() => Resizer.CheckSize(w, h, new ResizeSettings(width, height, null, fit), 50_000_000, "jpeg"));

        Assert.Equal(StepFailure.TooLarge, ex.Failure);
        Assert.Equal(field, ex.Field);
        Assert.StartsWith(field + ": resizing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_the_encoder_cannot_hold_is_refused_before_encoding_and_never_comes_back_empty()
    {
        using var wide = new Mat(4, 16_384, MatType.CV_8UC3, Scalar.All(0));

        var webp = Assert.Throws<StepException>(() => ImageCodec.Encode(wide, "webp", 80));
        Resizer.CheckSize(4000, 3000, new ResizeSettings(1280, null, null), 50_000_000, "webp");

        Assert.Equal(StepFailure.TooLarge, webp.Failure);
        Assert.Contains("at most 16383 pixels a side", webp.Message, StringComparison.Ordinal);
        Assert.NotEmpty(ImageCodec.Encode(wide, "png", 80));
    }

    [Fact]
    public void Overlapping_regions_merge_into_disjoint_boxes_clipped_to_the_image()
    {
        var merged = RegionSet.Merge(
            [new Rect(0, 0, 10, 10), new Rect(5, 5, 10, 10), new Rect(100, 100, 5, 5), new Rect(14, 14, 2, 2), new Rect(-5, -5, 3, 3), new Rect(190, 190, 50, 50)],
            200, 200);

        Assert.Equal([new Rect(0, 0, 16, 16), new Rect(100, 100, 5, 5), new Rect(190, 190, 10, 10)], merged.OrderBy(r => r.X));
        var full = RegionSet.Merge(Enumerable.Range(0, 400).Select(i => new Rect(0, 0, 640 - (i % 7), 480)), 640, 480);
        Assert.Equal([new Rect(0, 0, 640, 480)], full);
    }
}
