using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Steps.Pipeline;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Agent.Tests.EndToEnd;

/// <summary>
/// The real warm services (resize, detect, filter with the shared FastestDet model, and the fused PipelineService)
/// on 127.0.0.1 ephemeral ports over a temp local store holding the shared photos under <c>in/</c>; shared by the
/// end-to-end tests of a class.
/// </summary>
public sealed class AgentWarmServices : IAsyncLifetime
{
    private readonly TempDirectory _store = new("argoflow-agent-store");

    public RunningWarmHost Host { get; private set; } = null!;

    public string StoreRoot => _store.Path;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_store.Combine("in"));
        foreach (var image in Directory.EnumerateFiles(SharedData.ImagesDir, "*.jpg"))
        {
            File.Copy(image, _store.Combine("in", Path.GetFileName(image)));
        }

        var targets = new LocalServiceTargets(["resize", "detect", "filter"]);
        Host = await WarmHost.StartAsync(
            new WarmHostOptions
            {
                GrpcPort = 0,
                HttpPort = 0,
                Store = _store.Path,
                Models = [new ModelOptions { Path = SharedData.ModelPath }],
                ConfigureLogging = _ => { },
            },
            services => services.AddPipelineService(new PipelineServiceOptions { LocalTarget = targets.For }),
            endpoints => endpoints.MapPipelineService(),
            CancellationToken.None);
        targets.Address = Host.GrpcAddress;
        await Host.WaitUntilServingAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _store.Dispose();
    }
}
