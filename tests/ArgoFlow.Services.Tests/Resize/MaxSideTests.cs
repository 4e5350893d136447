using ArgoFlow.Services.Resize;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Resize;

/// <summary>maxSide shrinks only, unless enlarge is asked for (libvips' size=down is the default).</summary>
public sealed class MaxSideTests
{
    [Fact]
    public void A_photo_smaller_than_max_side_keeps_its_size()
    {
        var (output, scaled) = Resizer.Plan(640, 480, new ResizeSettings(null, null, 1280));

        Assert.Equal(new Size(640, 480), output);
        Assert.Equal(output, scaled);
    }

    [Fact]
    public void Enlarge_scales_a_small_photo_up_to_max_side() =>
        Assert.Equal(new Size(1280, 960), Resizer.Plan(640, 480, new ResizeSettings(null, null, 1280, Enlarge: true)).Output);

    [Fact]
    public void A_larger_photo_is_still_shrunk_to_max_side() =>
        Assert.Equal(new Size(1280, 720), Resizer.Plan(1920, 1080, new ResizeSettings(null, null, 1280)).Output);
}
