using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Detect;

/// <summary>
/// The YOLOv8/YOLO11 head, through a real ONNX Runtime session over a hand-written model whose output is a
/// constant [1, 4+2, 4]: 2 classes, 4 anchors, boxes in letterboxed 64x64 input pixels.
/// </summary>
public sealed class YoloDecoderTests : IDisposable
{
    private readonly TempDirectory _dir = new("argoflow-yolo");

    // Rows: cx, cy, w, h, score(cat), score(dog); columns: anchors 0..3.
    private static readonly float[] Output =
    [
        32, 33, 32, 10,     // cx
        32, 32, 32, 10,     // cy
        32, 32, 32, 4,      // w
        16, 16, 16, 4,      // h
        0.9f, 0.8f, 0.1f, 0.1f, // cat
        0.1f, 0.1f, 0.7f, 0.2f, // dog
    ];

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Boxes_are_mapped_back_through_the_letterbox_and_suppressed_per_class()
    {
        using var model = Load(new Dictionary<string, string> { ["names"] = "{0: 'cat', 1: 'dog'}" });
        // 128x64 into 64x64: scale 0.5, scaled 64x32, padded 16 rows above and below.
        using var image = new Mat(64, 128, MatType.CV_8UC3, Scalar.All(50));

        var found = model.Detect(image, new DetectSettings(0.25f, 0.45f, 100));

        Assert.Equal(ModelFormat.Yolo, model.Format);
        Assert.Equal(2, found.Count);
        var cat = found[0];
        Assert.Equal(("cat", 0.9f), (cat.ClassName, cat.Score));
        Assert.Equal((32f, 16f, 96f, 48f), (cat.X1, cat.Y1, cat.X2, cat.Y2));
        var dog = found[1];
        Assert.Equal(("dog", 1, 0.7f), (dog.ClassName, dog.ClassId, dog.Score));
        Assert.Equal((32f, 16f, 96f, 48f), (dog.X1, dog.Y1, dog.X2, dog.Y2));
    }

    [Fact]
    public void Threshold_class_filter_and_limit_apply_to_yolo_output()
    {
        using var model = Load(new Dictionary<string, string> { ["names"] = "{0: 'cat', 1: 'dog'}" });
        using var image = new Mat(64, 64, MatType.CV_8UC3, Scalar.All(50));

        var dogs = model.Detect(image, new DetectSettings(0.25f, 0.45f, 100) { Classes = new HashSet<string> { "dog" } });
        var strict = model.Detect(image, new DetectSettings(0.85f, 0.45f, 100));
        var one = model.Detect(image, new DetectSettings(0.25f, 0.45f, 1));

        Assert.Equal("dog", Assert.Single(dogs).ClassName);
        Assert.Equal(0.9f, Assert.Single(strict).Score);
        Assert.Equal("cat", Assert.Single(one).ClassName);
    }

    [Fact]
    public void Without_names_metadata_or_file_classes_are_numbered()
    {
        using var model = Load(null);

        Assert.Equal(["class0", "class1"], model.ClassNames);
    }

    private DetectionModel Load(IReadOnlyDictionary<string, string>? metadata)
    {
        var path = _dir.Combine($"yolo-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, TinyOnnxModel.ConstantOutput("images", [1, 3, 64, 64], "output0", [1, 6, 4], Output, metadata));
        return DetectionModel.Load(new ModelOptions { Path = path }, 1);
    }
}
