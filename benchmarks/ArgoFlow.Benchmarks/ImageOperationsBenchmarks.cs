using ArgoFlow.Bench.Local;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Resize;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;

namespace ArgoFlow.Benchmarks;

/// <summary>
/// Each stage of a step on the reference 1920x1080 JPEG, in process: the floor under `argoflow bench --local`'s
/// inproc mode, one stage at a time. Where ArgoFlow does a stage its own way, OpenCV's way is the baseline of the
/// same category. The model runs with one intra-op thread.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup], not IDisposable.
public class ImageOperationsBenchmarks
#pragma warning restore CA1001
{
    private static readonly ImageEncodingParam[] Jpeg90 = [new(ImwriteFlags.JpegQuality, 90)];
    private static readonly FilterSettings Blur = new("gaussianBlur");
    private readonly ImageLimits limits = new();
    private byte[] jpeg = [];
    private Mat image = new();
    private Mat half = new();
    private Mat small = new();
    private Mat photo = new();
    private DetectionModel? model;
    private DetectSettings detectSettings = new(0.65f, 0.45f, 100);

    [GlobalSetup]
    public void Setup()
    {
        var shared = BenchInputs.FindSharedImages() ?? throw new InvalidOperationException("run from the repository beside ../shared");
        var path = Path.Combine(Path.GetTempPath(), "argoflow-bdn-1920x1080.jpg");
        jpeg = File.ReadAllBytes(BenchInputs.CreateDefault(shared, path));
        image = ImageCodec.Decode(jpeg, limits, path);
        half = ImageCodec.Decode(jpeg, limits, path, (_, _) => 2, out _);
        small = Resizer.Resize(half, new ResizeSettings(640, 360, null));
        using (var original = Cv2.ImRead(Path.Combine(shared, "0.jpg")))
        {
            photo = original.Resize(new Size(1280, 960), 0, 0, InterpolationFlags.Area);
        }

        var modelPath = Path.Combine(Path.GetDirectoryName(shared)!, "models", "fastestdet", "FastestDet.onnx");
        model = DetectionModel.Load(new ModelOptions { Path = modelPath }, intraOpThreads: 1);
        detectSettings = new DetectSettings(model.DefaultScoreThreshold, model.DefaultIouThreshold, 100);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        image.Dispose();
        half.Dispose();
        small.Dispose();
        photo.Dispose();
        model?.Dispose();
    }

    [Benchmark(Description = "full size"), BenchmarkCategory("decode 1920x1080 JPEG")]
    public int Decode()
    {
        using var decoded = ImageCodec.Decode(jpeg, limits, "bench");
        return decoded.Width;
    }

    [Benchmark(Description = "half size (resize, detect)"), BenchmarkCategory("decode 1920x1080 JPEG")]
    public int DecodeHalf()
    {
        using var decoded = ImageCodec.Decode(jpeg, limits, "bench", (_, _) => 2, out _);
        return decoded.Width;
    }

    [Benchmark(Baseline = true, Description = "OpenCV INTER_AREA"), BenchmarkCategory("area 960x540 -> 640x360")]
    public int ResizeOpenCv()
    {
        using var resized = new Mat();
        Cv2.Resize(half, resized, new Size(640, 360), 0, 0, InterpolationFlags.Area);
        return resized.Width;
    }

    [Benchmark(Description = "Resizer (AreaShrink)"), BenchmarkCategory("area 960x540 -> 640x360")]
    public int Resize()
    {
        using var resized = Resizer.Resize(half, new ResizeSettings(640, 360, null));
        return resized.Width;
    }

    [Benchmark(Description = "FastestDet on 640x360"), BenchmarkCategory("detect")]
    public int Detect() => model!.Detect(small, detectSettings).Count;

    [Benchmark(Baseline = true, Description = "OpenCV GaussianBlur"), BenchmarkCategory("gaussian 5x5 on 1920x1080")]
    public int GaussianBlurOpenCv()
    {
        using var blurred = new Mat();
        Cv2.GaussianBlur(image, blurred, new Size(5, 5), 0);
        return blurred.Width;
    }

    [Benchmark(Description = "ImageFilters (BinomialBlur)"), BenchmarkCategory("gaussian 5x5 on 1920x1080")]
    public int GaussianBlur()
    {
        using var blurred = ImageFilters.Apply(image, new FilterSettings("gaussianBlur"));
        return blurred.Width;
    }

    [Benchmark(Baseline = true, Description = "decode, blur, encode in turn"), BenchmarkCategory("gaussian filter call, JPEG to JPEG")]
    public int FilterInTurn()
    {
        using var decoded = ImageCodec.Decode(jpeg, limits, "bench");
        using var blurred = ImageFilters.Apply(decoded, Blur);
        return ImageCodec.Encode(blurred, "jpeg", 90).Length;
    }

    [Benchmark(Description = "StreamedJpegFilter (overlapped)"), BenchmarkCategory("gaussian filter call, JPEG to JPEG")]
    public int FilterStreamed() =>
        StreamedJpegFilter.TryRun(jpeg, limits, "bench", Blur, "jpeg", 90)?.Bytes.Length
        ?? throw new InvalidOperationException("the streamed path did not apply: " + StreamedJpegFilter.Status);

    [Benchmark(Baseline = true, Description = "OpenCV, one thread"), BenchmarkCategory("encode 1920x1080 JPEG q90")]
    public int EncodeFullOpenCv()
    {
        Cv2.ImEncode(".jpg", image, out var bytes, Jpeg90);
        return bytes.Length;
    }

    [Benchmark(Description = "ImageCodec (strips)"), BenchmarkCategory("encode 1920x1080 JPEG q90")]
    public int EncodeFull() => ImageCodec.Encode(image, "jpeg", 90).Length;

    [Benchmark(Description = "ImageCodec"), BenchmarkCategory("encode 640x360 JPEG q90")]
    public int EncodeSmall() => ImageCodec.Encode(small, "jpeg", 90).Length;

    [Benchmark(Baseline = true, Description = "OpenCV, compression 1"), BenchmarkCategory("encode 1280x960 PNG")]
    public int EncodePngOpenCv()
    {
        Cv2.ImEncode(".png", photo, out var bytes, new ImageEncodingParam(ImwriteFlags.PngCompression, 1));
        return bytes.Length;
    }

    [Benchmark(Description = "ImageCodec (Paeth, RLE)"), BenchmarkCategory("encode 1280x960 PNG")]
    public int EncodePng() => ImageCodec.Encode(photo, "png", 90).Length;
}
