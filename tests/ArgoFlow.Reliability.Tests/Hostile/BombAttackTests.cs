using ArgoFlow.Contracts.V1;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.TestSupport;
using Grpc.Core;
using Xunit.Abstractions;

namespace ArgoFlow.Reliability.Tests.Hostile;

/// <summary>
/// Issue 14, points 2, 4, 5 and 6: small requests whose output size, scan count or region count is the attack.
/// Each is refused (or bounded) with its status before the work starts, nothing is written over an existing
/// object, and the serving process's peak RSS stays under 1 GB for the whole run.
/// </summary>
public sealed class BombAttackTests : IDisposable
{
    private const long PeakRssLimitKib = 1024 * 1024;
    private readonly TempDirectory _store = new("argoflow-rel-bombs");

    private readonly ITestOutputHelper _output;

    public BombAttackTests(ITestOutputHelper output)
    {
        _output = output;
        StoreAudit.SeedInputs(_store.Path);
        Directory.CreateDirectory(_store.Combine("bomb"));
        File.WriteAllBytes(_store.Combine("bomb", "thin.png"), BombImages.Png(1, 40_000));
        File.WriteAllBytes(_store.Combine("bomb", "wide.png"), BombImages.Png(16_384, 16));
        File.WriteAllBytes(_store.Combine("bomb", "scans.jpg"), BombImages.ManyScans(1000));
        File.WriteAllBytes(_store.Combine("bomb", "progressive.jpg"), BombImages.ManyScans(0));
        File.Copy(SharedData.Image("1.jpg"), _store.Combine("bomb", "existing.webp"));
        File.Copy(SharedData.Image("1.jpg"), _store.Combine("bomb", "existing.png"));
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Output_size_scan_and_region_bombs_are_refused_before_work_and_nothing_is_overwritten_with_an_empty_object()
    {
        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = _store.Path, Services = "resize,filter" });
        var resize = new ResizeService.ResizeServiceClient(serve.Channel);
        var filter = new FilterService.FilterServiceClient(serve.Channel);
        var store = TreeHash.Of(_store.Path);

        async Task<RpcException> Refused(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

        // 4: a 235-byte PNG resized to 320x12,800,000 (13.6 GB before), and "fill" asking for terabytes.
        var width = await Refused(() => resize.ResizeAsync(new ResizeRequest { Input = "bomb/thin.png", Width = 320 }).ResponseAsync);
        var fill = await Refused(() => resize.ResizeAsync(new ResizeRequest { Input = "bomb/thin.png", Width = 4000, Height = 4000, Fit = "fill" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, width.StatusCode);
        Assert.StartsWith("width: resizing the 1x40000 image this way makes 320x12800000", width.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("the limit is 50000000", width.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, fill.StatusCode);

        // 2: outputs the encoder cannot hold, over existing objects: refused naming the limit, the objects intact.
        var webp = await Refused(() => filter.FilterAsync(new FilterRequest { Input = "bomb/wide.png", Output = "bomb/existing.webp", Operation = "grayscale", Format = "webp" }).ResponseAsync);
        var png = await Refused(() => resize.ResizeAsync(new ResizeRequest { Input = "bomb/thin.png", Output = "bomb/existing.png", Width = 26, Format = "png" }).ResponseAsync);
        Assert.All([webp, png], ex => Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode));
        Assert.Contains("at most 16383 pixels a side", webp.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("at most 1000000 pixels a side", png.Status.Detail, StringComparison.Ordinal);

        // 5: a progressive JPEG with 1000 scans is refused from its markers; one with ordinary scans decodes.
        var scans = await Refused(() => filter.FilterAsync(new FilterRequest { Input = "bomb/scans.jpg", Operation = "grayscale" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, scans.StatusCode);
        Assert.Contains("more than 100 scans", scans.Status.Detail, StringComparison.Ordinal);
        var scansResize = await Refused(() => resize.ResizeAsync(new ResizeRequest { Input = "bomb/scans.jpg", Width = 100 }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, scansResize.StatusCode);

        // 6: more regions than the limit is refused; 400 full-frame regions with kernel 99 merge into one blur.
        var many = new FilterRequest { Input = "in/0.jpg", Operation = "blurRegions", KernelSize = 99 };
        many.Regions.Add(Enumerable.Range(0, 5000).Select(i => new Box { X1 = i % 600, Y1 = i % 400, X2 = (i % 600) + 40, Y2 = (i % 400) + 40 }));
        var tooMany = await Refused(() => filter.FilterAsync(many).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, tooMany.StatusCode);
        Assert.Contains("regions: 5000 regions, the limit is 1000", tooMany.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(store, TreeHash.Of(_store.Path));

        var full = new FilterRequest { Input = "in/0.jpg", Output = "out/blurred.jpg", Operation = "blurRegions", KernelSize = 99 };
        full.Regions.Add(Enumerable.Range(0, 400).Select(i => new Box { X1 = 0, Y1 = 0, X2 = 640 - (i % 7), Y2 = 480 }));
        var blurred = await filter.FilterAsync(full);
        Assert.Equal(400, blurred.Regions);
        var progressive = await filter.FilterAsync(new FilterRequest { Input = "bomb/progressive.jpg", Operation = "grayscale" });
        Assert.True(progressive.Bytes > 0);

        var peak = serve.Child.PeakRssKib();
        _output.WriteLine($"argoflow serve peak RSS after every bomb: {peak / 1024} MiB");
        Assert.True(peak < PeakRssLimitKib, $"peak RSS {peak / 1024} MiB");
    }
}
