using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Steps.Pipeline;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.Waits;

namespace ArgoFlow.Cli.Tests.Run;

/// <summary>
/// The real warm services (resize, detect, filter with the shared FastestDet model) on 127.0.0.1 ephemeral ports,
/// plus the fused PipelineService calling them over loopback, with a temp local store holding the shared photos under <c>in/</c>. Shared by the tests of a class.
/// </summary>
public sealed class WarmServices : IAsyncLifetime
{
    private readonly TempDirectory store = new("argoflow-cli-store");

    public RunningWarmHost Host { get; private set; } = null!;

    public string StoreRoot => store.Path;

    public string Target => Host.GrpcAddress;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(store.Combine("in"));
        foreach (var image in Directory.EnumerateFiles(SharedData.ImagesDir, "*.jpg"))
        {
            File.Copy(image, store.Combine("in", Path.GetFileName(image)));
        }

        var targets = new LocalServiceTargets(["resize", "detect", "filter"]);
        Host = await WarmHost.StartAsync(
            new WarmHostOptions
            {
                GrpcPort = 0,
                HttpPort = 0,
                Store = store.Path,
                Models = [new ModelOptions { Path = SharedData.ModelPath }],
                ConfigureLogging = _ => { },
            },
            services => services.AddPipelineService(new PipelineServiceOptions { LocalTarget = targets.For }),
            endpoints => endpoints.MapPipelineService(),
            CancellationToken.None);
        targets.Address = Host.GrpcAddress;
        await Host.WaitUntilServingAsync(CancellationToken.None).WithinAsync("the warm host to report SERVING (every service warmed up)");
    }

    /// <summary>Every object in the store except the inputs, by key, with its bytes.</summary>
    public SortedDictionary<string, byte[]> Outputs() => new(
        Directory.EnumerateFiles(StoreRoot, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => Path.GetRelativePath(StoreRoot, f))
            .Where(k => k.Count(c => c == '.') > 1)
            .ToDictionary(k => k, k => File.ReadAllBytes(Path.Combine(StoreRoot, k))),
        StringComparer.Ordinal);

    /// <summary>Removes every output so the next path starts from the inputs only.</summary>
    public void DeleteOutputs()
    {
        foreach (var key in Outputs().Keys)
        {
            File.Delete(Path.Combine(StoreRoot, key));
        }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        store.Dispose();
    }
}
