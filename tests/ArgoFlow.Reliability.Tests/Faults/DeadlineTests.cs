using ArgoFlow.Core.Errors;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Services.Storage;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.Waits;
using Microsoft.Extensions.DependencyInjection;

namespace ArgoFlow.Reliability.Tests.Faults;

/// <summary>A step whose storage never answers runs into its deadline; the failure names the step and the deadline.</summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task Slow_step_fails_with_deadline_exceeded_naming_the_step_and_its_timeout_and_is_not_retried()
    {
        using var store = new TempDirectory("argoflow-rel-deadline");
        StoreAudit.SeedInputs(store.Path);
        await using var host = await WarmHost.StartAsync(
            new WarmHostOptions { GrpcPort = 0, HttpPort = -1, Store = store.Path, Services = ["resize", "filter"], ConfigureLogging = _ => { } },
            services => services.AddSingleton<IImageStore>(new HangingStore(new LocalDirectoryStore(store.Path))),
            cancellationToken: CancellationToken.None);
        await host.WaitUntilServingAsync(CancellationToken.None).WithinAsync("the warm host to report SERVING (every service warmed up)");

        using var client = new StepClient();
        var run = await new PipelineRunner(client).RunAsync(
            Specs.ResizeThenGray(retryLimit: 3, timeoutSeconds: 1),
            new Dictionary<string, string> { ["input"] = "in/0.jpg" },
            new PipelineRunOptions { TargetFor = _ => host.GrpcAddress },
            CancellationToken.None);

        var resize = run.Find("resize")!;
        Assert.Equal(StepPhase.Failed, resize.Phase);
        Assert.Equal(1, resize.Attempts);
        Assert.Equal(ExitCode.Timeout, resize.FailureCode);
        Assert.Contains("step 'resize'", resize.Message, StringComparison.Ordinal);
        Assert.Contains("DEADLINE_EXCEEDED", resize.Message, StringComparison.Ordinal);
        Assert.Contains("1 s", resize.Message, StringComparison.Ordinal);
        Assert.Equal(StepPhase.Skipped, run.Find("gray")!.Phase);
        Assert.Empty(StoreAudit.TemporaryFiles(store.Path));
    }
}
