using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Reliability.Tests.Faults;

/// <summary>
/// `argoflow serve` is SIGKILLed right after the first step of a pipeline succeeded; the runner's next call meets a
/// closed port (UNAVAILABLE) and must retry until the service is back, or fail clearly when the budget runs out.
/// </summary>
public sealed class ServiceKilledMidPipelineTests : IDisposable
{
    private readonly TempDirectory _store = new("argoflow-rel-kill");

    public ServiceKilledMidPipelineTests() => StoreAudit.SeedInputs(_store.Path);

    [Fact]
    public async Task Pipeline_completes_after_the_killed_service_restarts_on_the_same_port()
    {
        var first = await ServeProcess.StartAsync(new ServeSettings { Store = _store.Path });
        ServeProcess? second = null;
        Task<ServeProcess>? restart = null;
        try
        {
            using var client = new StepClient();
            var runner = new PipelineRunner(client);
            var run = await runner.RunAsync(
                Specs.ResizeThenGray(retryLimit: 20),
                new Dictionary<string, string> { ["input"] = "in/0.jpg" },
                new PipelineRunOptions
                {
                    TargetFor = _ => first.Target,
                    StepFinished = step =>
                    {
                        if (step.Name == "resize")
                        {
                            // Dead before the next step starts: its first attempt is refused for sure.
                            first.Child.KillAsync().GetAwaiter().GetResult();
                            restart = ServeProcess.StartAsync(new ServeSettings { Store = _store.Path, GrpcPort = first.GrpcPort, WaitUntilServing = false });
                        }
                    },
                },
                CancellationToken.None);
            second = await restart!;

            Assert.True(run.Succeeded, string.Join("; ", run.Steps.Select(s => $"{s.Name}: {s.Message}")));
            Assert.True(run.Find("gray")!.Attempts > 1, "the step after the kill must have been retried");
            var output = new Uri(run.Find("gray")!.Outputs["image"]).LocalPath;
            Assert.True(StoreAudit.Decodes(output), $"{output} does not decode");
            Assert.Empty(StoreAudit.TemporaryFiles(_store.Path));
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Pipeline_fails_naming_the_step_and_unavailable_when_the_service_stays_down()
    {
        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = _store.Path });
        using var client = new StepClient();
        var run = await new PipelineRunner(client).RunAsync(
            Specs.ResizeThenGray(retryLimit: 2, backoff: "50ms", maxBackoff: "100ms"),
            new Dictionary<string, string> { ["input"] = "in/1.jpg" },
            new PipelineRunOptions
            {
                TargetFor = _ => serve.Target,
                StepFinished = step =>
                {
                    if (step.Name == "resize")
                    {
                        serve.Child.KillAsync().GetAwaiter().GetResult();
                    }
                },
            },
            CancellationToken.None);

        var gray = run.Find("gray")!;
        Assert.False(run.Succeeded);
        Assert.Equal(StepPhase.Failed, gray.Phase);
        Assert.Equal(3, gray.Attempts);
        Assert.Contains("step 'gray'", gray.Message, StringComparison.Ordinal);
        Assert.Contains("UNAVAILABLE", gray.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 attempts", gray.Message, StringComparison.Ordinal);
        // Nothing of the failed step exists; the finished step's output is complete.
        Assert.Empty(Directory.EnumerateFiles(_store.Path, "*filter*", SearchOption.AllDirectories));
        Assert.True(StoreAudit.Decodes(new Uri(run.Find("resize")!.Outputs["image"]).LocalPath));
        Assert.Empty(StoreAudit.TemporaryFiles(_store.Path));
    }

    public void Dispose() => _store.Dispose();
}
