using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Detect;

public sealed class StreamedJpegDetectTests : IClassFixture<FastestDetModelFixture>
{
    private static readonly ImageLimits Limits = new();
    private readonly DetectionModel _model;

    public StreamedJpegDetectTests(FastestDetModelFixture fixture)
    {
        _model = fixture.Model;
    }

    [SkippableTheory]
    [InlineData("0.jpg", 1920, 1080)] // half-size decode, 960x540 -> 352x352
    [InlineData("1.jpg", 1600, 1200)]
    [InlineData("2.jpg", 1280, 960)]
    [InlineData("3.jpg", 3000, 2000)] // quarter-size decode
    [InlineData("4.jpg", 1100, 1000)] // full-size decode
    public void Finds_exactly_what_a_reduced_decode_then_Detect_finds(string photo, int width, int height)
    {
        NativeDecoder.RequireOrSkip();

        var jpeg = Jpeg(photo, width, height);
        var settings = new DetectSettings(0.3f, _model.DefaultIouThreshold, 100);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var streamed = StreamedJpegDetect.TryRun(jpeg, Limits, photo, _model, settings);
        var measured = clock.Elapsed;

        using var decoded = ImageCodec.Decode(jpeg, Limits, photo, _model.ReductionFor, out var size);
        var expected = _model.Detect(decoded, settings, size);
        if (streamed is null)
        {
            Assert.False(ArgoFlow.Services.Resize.AreaShrink.Supports(decoded, new Size(_model.InputWidth, _model.InputHeight)));
            return;
        }

        Assert.Equal((width, height), (streamed.SourceWidth, streamed.SourceHeight));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, streamed.Found);
        StageTimes.AssertOverlapped(measured, ("decode", streamed.DecodeMs, true), ("process", streamed.ProcessMs, true));
    }

    [Fact]
    public void Small_images_pngs_and_rotated_photos_take_the_usual_path()
    {
        var settings = new DetectSettings(_model.DefaultScoreThreshold, _model.DefaultIouThreshold, 100);
        using (var image = Cv2.ImDecode(Jpeg("0.jpg", 1920, 1080), ImreadModes.Color))
        {
            Cv2.ImEncode(".png", image, out var png);
            Assert.Null(StreamedJpegDetect.TryRun(png, Limits, "a", _model, settings));
        }

        Assert.Null(StreamedJpegDetect.TryRun(File.ReadAllBytes(SharedData.Image("0.jpg")), Limits, "a", _model, settings));
    }

    private static byte[] Jpeg(string photo, int width, int height)
    {
        using var source = Cv2.ImRead(SharedData.Image(photo), ImreadModes.Color);
        using var scaled = source.Resize(new Size(width, height), 0, 0, InterpolationFlags.Cubic);
        Cv2.ImEncode(".jpg", scaled, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
        return bytes;
    }
}
