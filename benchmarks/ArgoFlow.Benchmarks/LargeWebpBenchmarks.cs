using ArgoFlow.Bench.Local;
using ArgoFlow.Services.Imaging;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;

namespace ArgoFlow.Benchmarks;

/// <summary>
/// What the cancellable WebP codec costs on a large image (issue 14): OpenCV's single <c>imencode</c>/<c>imdecode</c>
/// (its own libwebp) against <see cref="ImageCodec"/> with a token that can be cancelled, which goes through
/// libargoflow_webp (the system libwebp: the encoder with a progress hook, the incremental decoder fed in chunks).
/// Same settings (quality 80, lossy); the photo is a shared one scaled to 4000x3000.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup], not IDisposable.
public class LargeWebpBenchmarks
#pragma warning restore CA1001
{
    private const int Quality = 80;
    private static readonly ImageLimits Limits = new();
    private readonly CancellationTokenSource _cancellation = new();
    private Mat _image = new();
    private byte[] _webp = [];

    [GlobalSetup]
    public void Setup()
    {
        if (!ImageCodec.WebpCodecStatus.StartsWith("on", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the native WebP codec is not loaded: {ImageCodec.WebpCodecStatus}");
        }

        var shared = BenchInputs.FindSharedImages() ?? throw new InvalidOperationException("run from the repository beside ../shared");
        using var photo = Cv2.ImRead(Path.Combine(shared, "0.jpg"));
        _image = photo.Resize(new Size(4000, 3000), 0, 0, InterpolationFlags.Linear);
        Cv2.ImEncode(".webp", _image, out _webp, new ImageEncodingParam(ImwriteFlags.WebPQuality, Quality));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _image.Dispose();
        _cancellation.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("webp encode 4000x3000 q80")]
    public int EncodeOpenCv()
    {
        Cv2.ImEncode(".webp", _image, out var bytes, new ImageEncodingParam(ImwriteFlags.WebPQuality, Quality));
        return bytes.Length;
    }

    [Benchmark, BenchmarkCategory("webp encode 4000x3000 q80")]
    public int EncodeCancellable() => ImageCodec.Encode(_image, "webp", Quality, _cancellation.Token).Length;

    [Benchmark(Baseline = true), BenchmarkCategory("webp decode 4000x3000 q80")]
    public int DecodeOpenCv()
    {
        using var decoded = Cv2.ImDecode(_webp, ImreadModes.Color);
        return decoded.Rows;
    }

    [Benchmark, BenchmarkCategory("webp decode 4000x3000 q80")]
    public int DecodeCancellable()
    {
        using var decoded = ImageCodec.Decode(_webp, Limits, "bench.webp", null, out _, _cancellation.Token);
        return decoded.Rows;
    }
}
