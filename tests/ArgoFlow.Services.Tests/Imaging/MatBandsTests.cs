using ArgoFlow.Services.Imaging;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Imaging;

public sealed class MatBandsTests
{
    [Fact]
    public void Banded_copy_and_zeroing_give_the_whole_image_and_stop_when_cancelled()
    {
        using var source = new Mat(1500, 1200, MatType.CV_8UC3);
        Cv2.Randu(source, 0, 256);
        using var copy = new Mat();
        MatBands.Copy(source, copy, CancellationToken.None);
        using var difference = new Mat();
        Cv2.Absdiff(source, copy, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));

        using var zeroed = new Mat();
        MatBands.CreateZeroed(zeroed, 1500, 1200, MatType.CV_8UC1, CancellationToken.None);
        Assert.Equal((1200, 1500, 0), (zeroed.Width, zeroed.Height, Cv2.CountNonZero(zeroed)));

        using var cancelled = new Mat();
        Assert.ThrowsAny<OperationCanceledException>(() => MatBands.Copy(source, cancelled, new CancellationToken(true)));
    }
}
