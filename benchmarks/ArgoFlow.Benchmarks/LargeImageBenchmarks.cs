using ArgoFlow.Bench.Local;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Resize;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;

namespace ArgoFlow.Benchmarks;

/// <summary>
/// What the cancellable paths cost on a large image (issue 14): ArgoFlow's PNG encoder, which writes in bands and
/// can stop between them, against OpenCV's single <c>imencode</c> with the same filter and zlib settings; and a
/// lanczos resize 7000x5250 -> 6000x4500 through <see cref="Resizer"/> (banded) against one whole-image
/// <c>Cv2.Resize</c>. The photo is a shared one scaled up to 7000x5250.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup], not IDisposable.
public class LargeImageBenchmarks
#pragma warning restore CA1001
{
    // ImageCodec's settings for any Mat its own encoder does not take: compression 1, RLE strategy, Paeth filter.
    private static readonly ImageEncodingParam[] PngParameters =
        [new(ImwriteFlags.PngCompression, 1), new((ImwriteFlags)17, 3), new((ImwriteFlags)19, 128)];

    private static readonly ResizeSettings Lanczos = new(6000, 4500, null, "stretch", "lanczos");
    private Mat large = new();
    private Mat output = new();

    [GlobalSetup]
    public void Setup()
    {
        var shared = BenchInputs.FindSharedImages() ?? throw new InvalidOperationException("run from the repository beside ../shared");
        using var photo = Cv2.ImRead(Path.Combine(shared, "0.jpg"));
        large = photo.Resize(new Size(7000, 5250), 0, 0, InterpolationFlags.Linear);
        output = large.Resize(new Size(6000, 4500), 0, 0, InterpolationFlags.Area);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        large.Dispose();
        output.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("png encode 6000x4500")]
    public int PngOpenCv()
    {
        Cv2.ImEncode(".png", output, out var bytes, PngParameters);
        return bytes.Length;
    }

    [Benchmark, BenchmarkCategory("png encode 6000x4500")]
    public int PngBanded() => ImageCodec.Encode(output, "png", 0, CancellationToken.None).Length;

    [Benchmark(Baseline = true), BenchmarkCategory("lanczos 7000x5250 -> 6000x4500")]
    public int ResizeWhole()
    {
        using var resized = new Mat();
        Cv2.Resize(large, resized, new Size(6000, 4500), 0, 0, InterpolationFlags.Lanczos4);
        return resized.Rows;
    }

    [Benchmark, BenchmarkCategory("lanczos 7000x5250 -> 6000x4500")]
    public int ResizeBanded()
    {
        using var resized = Resizer.Resize(large, Lanczos, null, CancellationToken.None);
        return resized.Rows;
    }
}
