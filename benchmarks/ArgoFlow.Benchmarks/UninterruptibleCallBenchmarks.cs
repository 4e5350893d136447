using ArgoFlow.Bench.Local;
using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Resize;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;

namespace ArgoFlow.Benchmarks;

/// <summary>
/// Issue 14's 200 ms: what the banded filters and resizes cost against one OpenCV call, and how long each call that is
/// still a single native call takes at the input limit's size (7000x7000, 49 Mpixels; a shared photo scaled up).
/// A cancel can wait at most that long for one of them (docs/reliability.md).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup], not IDisposable.
public class UninterruptibleCallBenchmarks
#pragma warning restore CA1001
{
    private static readonly FilterSettings Blur99 = new("gaussianBlur", KernelSize: 99);
    private static readonly FilterSettings Edges = new("edges");
    private Mat image = new();

    [GlobalSetup]
    public void Setup()
    {
        var shared = BenchInputs.FindSharedImages() ?? throw new InvalidOperationException("run from the repository beside ../shared");
        using var photo = Cv2.ImRead(Path.Combine(shared, "0.jpg"));
        image = photo.Resize(new Size(7000, 7000), 0, 0, InterpolationFlags.Cubic);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        image.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("gaussianBlur 99")]
    public int BlurWhole() => Run(o => Cv2.GaussianBlur(image, o, new Size(99, 99), 0));

    [Benchmark, BenchmarkCategory("gaussianBlur 99")]
    public int BlurBanded() => Filter(Blur99);

    [Benchmark(Baseline = true), BenchmarkCategory("edges")]
    public int CannyWhole() => Run(o =>
    {
        using var gray = image.CvtColor(ColorConversionCodes.BGR2GRAY);
        Cv2.Canny(gray, o, 100, 200);
    });

    [Benchmark, BenchmarkCategory("edges")]
    public int CannyBanded() => Filter(Edges);

    [Benchmark(Baseline = true), BenchmarkCategory("lanczos 7000 -> 5999 (no bands)")]
    public int LanczosWhole() => Run(o => Cv2.Resize(image, o, new Size(5999, 5999), 0, 0, InterpolationFlags.Lanczos4));

    [Benchmark, BenchmarkCategory("lanczos 7000 -> 5999 (no bands)")]
    public int LanczosRemapped()
    {
        using var output = Resizer.Resize(image, new ResizeSettings(5999, 5999, null, "stretch", "lanczos"), null, CancellationToken.None);
        return output.Rows;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("cubic 7000 -> 5999 (no bands)")]
    public int CubicWhole() => Run(o => Cv2.Resize(image, o, new Size(5999, 5999), 0, 0, InterpolationFlags.Cubic));

    [Benchmark, BenchmarkCategory("cubic 7000 -> 5999 (no bands)")]
    public int CubicFaultedFirst()
    {
        using var output = Resizer.Resize(image, new ResizeSettings(5999, 5999, null, "stretch", "cubic"), null, CancellationToken.None);
        return output.Rows;
    }

    [Benchmark, BenchmarkCategory("single calls left")]
    public int CubicIntoFaultedMemory() => Run(o =>
    {
        o.Create(5999, 5999, image.Type());
        o.SetTo(Scalar.All(0));
        Cv2.Resize(image, o, new Size(5999, 5999), 0, 0, InterpolationFlags.Cubic);
    });

    [Benchmark, BenchmarkCategory("single calls left")]
    public int LinearIntoFaultedMemory() => Run(o =>
    {
        o.Create(5999, 5999, image.Type());
        o.SetTo(Scalar.All(0));
        Cv2.Resize(image, o, new Size(5999, 5999), 0, 0, InterpolationFlags.Linear);
    });

    [Benchmark, BenchmarkCategory("single calls left")]
    public int LanczosJustUnder4Mpixels() => Run(o => Cv2.Resize(image, o, new Size(1999, 1999), 0, 0, InterpolationFlags.Lanczos4));

    [Benchmark, BenchmarkCategory("single calls left")]
    public int AreaByTwo() => Run(o => Cv2.Resize(image, o, new Size(3500, 3500), 0, 0, InterpolationFlags.Area));

    [Benchmark, BenchmarkCategory("single calls left")]
    public int AreaByThreeAndAHalf() => Run(o => Cv2.Resize(image, o, new Size(2000, 2000), 0, 0, InterpolationFlags.Area));

    [Benchmark(Baseline = true), BenchmarkCategory("grayscale")]
    public int GrayscaleWhole() => Run(o => Cv2.CvtColor(image, o, ColorConversionCodes.BGR2GRAY));

    [Benchmark, BenchmarkCategory("grayscale")]
    public int GrayscaleBanded() => Filter(new FilterSettings("grayscale"));

    [Benchmark(Baseline = true), BenchmarkCategory("brightnessContrast")]
    public int BrightnessContrastWhole() => Run(o => image.ConvertTo(o, -1, 1.2, 10));

    [Benchmark, BenchmarkCategory("brightnessContrast")]
    public int BrightnessContrastBanded() => Filter(new FilterSettings("brightnessContrast", Brightness: 10, Contrast: 1.2));

    [Benchmark, BenchmarkCategory("single calls left")]
    public int TransposeIntoFaultedMemory() => Run(o =>
    {
        o.Create(image.Cols, image.Rows, image.Type());
        o.SetTo(Scalar.All(0));
        Cv2.Transpose(image, o);
    });

    [Benchmark, BenchmarkCategory("single calls left")]
    public int FaultIn147Megabytes() => Run(o =>
    {
        o.Create(image.Rows, image.Cols, image.Type());
        o.SetTo(Scalar.All(0));
    });

    [Benchmark, BenchmarkCategory("single calls left")]
    public int PixelateWholeFrame() => Filter(new FilterSettings("pixelateRegions") { Regions = [new Rect(0, 0, 7000, 7000)] });

    [Benchmark, BenchmarkCategory("single calls left")]
    public int DenoiseJustUnderTiles() => Run(o =>
    {
        using var small = new Mat(image, new Rect(0, 0, 316, 316));
        Cv2.FastNlMeansDenoisingColored(small, o, 10, 10, 7, 21);
    });

    [Benchmark, BenchmarkCategory("single calls left")]
    public int TransposeForExifRotation() => Run(o => Cv2.Transpose(image, o));

    private static int Run(Action<Mat> operation)
    {
        using var output = new Mat();
        operation(output);
        return output.Rows;
    }

    private int Filter(FilterSettings settings)
    {
        using var output = ImageFilters.Apply(image, settings, CancellationToken.None);
        return output.Rows;
    }
}
