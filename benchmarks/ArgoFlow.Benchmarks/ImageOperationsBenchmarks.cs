using ArgoFlow.Bench.Local;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Resize;
using BenchmarkDotNet.Attributes;
using OpenCvSharp;

namespace ArgoFlow.Benchmarks;

/// <summary>
/// Each stage of a step on the reference 1920x1080 JPEG, in process: the floor under `argoflow bench --local`'s
/// inproc mode, one stage at a time. The model runs with one intra-op thread, as the services run it.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup], not IDisposable.
public class ImageOperationsBenchmarks
#pragma warning restore CA1001
{
    private readonly ImageLimits limits = new();
    private byte[] jpeg = [];
    private Mat image = new();
    private Mat small = new();
    private DetectionModel? model;
    private DetectSettings detectSettings = new(0.65f, 0.45f, 100);

    [GlobalSetup]
    public void Setup()
    {
        var shared = BenchInputs.FindSharedImages() ?? throw new InvalidOperationException("run from the repository beside ../shared");
        var path = Path.Combine(Path.GetTempPath(), "argoflow-bdn-1920x1080.jpg");
        jpeg = File.ReadAllBytes(BenchInputs.CreateDefault(shared, path));
        image = ImageCodec.Decode(jpeg, limits, path);
        small = Resizer.Resize(image, new ResizeSettings(640, 360, null));
        var modelPath = Path.Combine(Path.GetDirectoryName(shared)!, "models", "fastestdet", "FastestDet.onnx");
        model = DetectionModel.Load(new ModelOptions { Path = modelPath }, intraOpThreads: 1);
        detectSettings = new DetectSettings(model.DefaultScoreThreshold, model.DefaultIouThreshold, 100);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        image.Dispose();
        small.Dispose();
        model?.Dispose();
    }

    [Benchmark(Description = "decode 1920x1080 JPEG")]
    public int Decode()
    {
        using var decoded = ImageCodec.Decode(jpeg, limits, "bench");
        return decoded.Width;
    }

    [Benchmark(Description = "resize 1920x1080 -> 640x360 (area)")]
    public int Resize()
    {
        using var resized = Resizer.Resize(image, new ResizeSettings(640, 360, null));
        return resized.Width;
    }

    [Benchmark(Description = "detect (FastestDet 352x352) on 1920x1080")]
    public int Detect() => model!.Detect(image, detectSettings).Count;

    [Benchmark(Description = "gaussian blur 5x5 on 1920x1080")]
    public int GaussianBlur()
    {
        using var blurred = ImageFilters.Apply(image, new FilterSettings("gaussianBlur"));
        return blurred.Width;
    }

    [Benchmark(Description = "encode 640x360 JPEG q90")]
    public int EncodeSmall() => ImageCodec.Encode(small, "jpeg", 90).Length;

    [Benchmark(Description = "encode 1920x1080 JPEG q90")]
    public int EncodeFull() => ImageCodec.Encode(image, "jpeg", 90).Length;
}
