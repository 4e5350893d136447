using ArgoFlow.Bench.Local;
using ArgoFlow.Services.Imaging;
using BenchmarkDotNet.Attributes;
using OpenCvSharp;

namespace ArgoFlow.Benchmarks;

/// <summary>
/// What the cancellable PNG decode costs (issue 14): <see cref="ImageCodec.Decode(ReadOnlySpan{byte}, ImageLimits, string, Func{int, int, int}?, out Size, CancellationToken)"/>
/// with a token that can be cancelled (ArgoFlow's decoder in C#, bands of rows) against the same call without one
/// (OpenCV's single <c>imdecode</c>), on a shared photo scaled to 7000x5250 and written as PNG by OpenCV (default
/// settings: adaptive filters, zlib level 1) or by ArgoFlow's own encoder (Paeth, level 1, RLE).
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup], not IDisposable.
public class PngDecodeBenchmarks
#pragma warning restore CA1001
{
    private static readonly ImageLimits Limits = new();
    private readonly CancellationTokenSource _cancellation = new();
    private byte[] _png = [];

    [Params("opencv", "argoflow")]
    public string WrittenBy { get; set; } = "opencv";

    [GlobalSetup]
    public void Setup()
    {
        var shared = BenchInputs.FindSharedImages() ?? throw new InvalidOperationException("run from the repository beside ../shared");
        using var photo = Cv2.ImRead(Path.Combine(shared, "0.jpg"));
        using var large = photo.Resize(new Size(7000, 5250), 0, 0, InterpolationFlags.Linear);
        _png = WrittenBy == "opencv" ? large.ImEncode(".png") : ImageCodec.Encode(large, "png", 0);
    }

    [GlobalCleanup]
    public void Cleanup() => _cancellation.Dispose();

    [Benchmark(Baseline = true)]
    public int PngDecodeOpenCv()
    {
        using var decoded = ImageCodec.Decode(_png, Limits, "bench.png", null, out _, CancellationToken.None);
        return decoded.Rows;
    }

    [Benchmark]
    public int PngDecodeCancellable()
    {
        using var decoded = ImageCodec.Decode(_png, Limits, "bench.png", null, out _, _cancellation.Token);
        return decoded.Rows;
    }
}
