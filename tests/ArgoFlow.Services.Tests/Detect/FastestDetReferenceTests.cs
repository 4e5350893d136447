using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Detect;

/// <summary>The shipped model, decoded exactly as its authors do, reproduces the reference detections.</summary>
public sealed class FastestDetReferenceTests : IClassFixture<FastestDetModelFixture>
{
    private readonly DetectionModel _model;

    public FastestDetReferenceTests(FastestDetModelFixture fixture)
    {
        _model = fixture.Model;
    }

    public static TheoryData<string> Images => ReferenceDetections.Images;

    private static DetectSettings Reference => new(ReferenceDetections.Threshold, ReferenceDetections.Nms, 100);

    [Theory]
    [MemberData(nameof(Images))]
    public void Detections_on_the_shared_photo_match_the_reference(string image)
    {
        using var bgr = Cv2.ImRead(SharedData.Image(image), ImreadModes.Color);

        var found = _model.Detect(bgr, Reference);

        var differences = ReferenceDetections.Differences(ReferenceDetections.For(image), found);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void Feeding_rgb_instead_of_bgr_no_longer_matches_the_reference_on_four_of_the_five_photos()
    {
        var stillMatching = new List<string>();
        foreach (var image in ((IEnumerable<object[]>)ReferenceDetections.Images).Select(row => (string)row[0]))
        {
            using var bgr = Cv2.ImRead(SharedData.Image(image), ImreadModes.Color);
            using var rgb = new Mat();
            Cv2.CvtColor(bgr, rgb, ColorConversionCodes.BGR2RGB);
            if (ReferenceDetections.Differences(ReferenceDetections.For(image), _model.Detect(rgb, Reference)).Count == 0)
            {
                stillMatching.Add(image);
            }
        }

        // The reference test above catches a channel-order bug only on photos that tell the orders apart: all but
        // 1.jpg, whose one bus is found the same either way.
        Assert.Equal(["1.jpg"], stillMatching);
    }

    [Fact]
    public void Class_filter_and_max_detections_limit_the_result()
    {
        using var bgr = Cv2.ImRead(SharedData.Image("0.jpg"), ImreadModes.Color);

        var bats = _model.Detect(bgr, Reference with { Classes = new HashSet<string> { "baseball bat" } });
        var best = _model.Detect(bgr, Reference with { MaxDetections = 2 });

        Assert.Equal("baseball bat", Assert.Single(bats).ClassName);
        Assert.Equal(2, best.Count);
        Assert.True(best[0].Score >= best[1].Score);
    }

    [Fact]
    public void Model_is_recognised_as_fastestdet_with_coco_class_names()
    {
        Assert.Equal(ModelFormat.FastestDet, _model.Format);
        Assert.Equal((352, 352), (_model.InputWidth, _model.InputHeight));
        Assert.Equal(80, _model.ClassNames.Count);
        Assert.Equal("person", _model.ClassNames[0]);
    }
}
