using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;
using ArgoFlow.Steps.Tests.Doubles;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Runner;

public sealed class PipelineRunnerTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> NoParameters = [];
    private DoubleServicesHost host = null!;
    private readonly StepClient client = new();

    public async Task InitializeAsync()
    {
        host = await DoubleServicesHost.StartAsync();
        host.Put("in/photo.jpg", [1, 2, 3]);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_sequential_pipeline_passes_each_steps_output_to_the_next()
    {
        var run = await new PipelineRunner(client).RunAsync(TestSpecs.Classic(host.Target), NoParameters, null, CancellationToken.None);

        Assert.True(run.Succeeded, string.Join("; ", run.Steps.Select(s => s.Message)));
        Assert.Equal(["resize", "detect", "filter"], run.Steps.Select(s => s.Name));
        var resized = run.Find("resize")!.Outputs["image"];
        Assert.Equal(resized, ((DetectResponse)run.Find("detect")!.Response!).Input);
        Assert.EndsWith("in/photo.resize-320x240-.detections.json", run.Find("detect")!.Outputs["detections"], StringComparison.Ordinal);
        var filtered = (FilterResponse)run.Find("filter")!.Response!;
        Assert.EndsWith("in/photo.resize-320x240-.filter-blurRegions.jpg", filtered.Output, StringComparison.Ordinal);
        Assert.Equal(1, filtered.Regions);
        Assert.All(run.Steps, s => Assert.Equal(1, s.Attempts));
        Assert.Equal(15, run.Find("resize")!.Timing.TotalMs);
    }

    [Fact]
    public async Task Parameters_given_to_the_run_replace_the_specs_defaults()
    {
        host.Put("other.jpg", [9]);

        var run = await new PipelineRunner(client).RunAsync(
            TestSpecs.Classic(host.Target), new Dictionary<string, string> { ["input"] = "other.jpg" }, null, CancellationToken.None);

        Assert.EndsWith("/other.resize-320x240-.jpg", run.Find("resize")!.Outputs["image"], StringComparison.Ordinal);
        Assert.Equal("other.jpg", run.Parameters["input"]);
    }

    [Fact]
    public async Task Independent_branches_are_in_flight_at_the_same_time()
    {
        // Both filters are held at the service until both have arrived: run one after the other, this never completes.
        var arrived = 0;
        var both = new TaskCompletionSource();
        host.Faults.Gates["filter"] = both;
        host.Faults.Arrived = type =>
        {
            if (type == "filter" && Interlocked.Increment(ref arrived) == 2)
            {
                both.TrySetResult();
            }
        };
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var run = await new PipelineRunner(client).RunAsync(TestSpecs.FanOut(host.Target), NoParameters, null, guard.Token);

        Assert.True(run.Succeeded);
        Assert.Equal(2, arrived);
    }

    [Fact]
    public async Task A_failed_step_stops_its_dependants_and_keeps_what_finished()
    {
        host.Faults.FailNext("detect", StatusCode.InvalidArgument);
        var finished = new List<string>();

        var run = await new PipelineRunner(client).RunAsync(
            TestSpecs.Classic(host.Target), NoParameters, new PipelineRunOptions { StepFinished = s => finished.Add(s.Name) }, CancellationToken.None);

        Assert.False(run.Succeeded);
        Assert.Equal("Failed", run.Phase);
        Assert.Equal(StepPhase.Succeeded, run.Find("resize")!.Phase);
        Assert.True(File.Exists(new Uri(run.Find("resize")!.Outputs["image"]).LocalPath));
        var detect = run.Find("detect")!;
        Assert.Equal(StepPhase.Failed, detect.Phase);
        Assert.Equal(ExitCode.InvalidInput, detect.FailureCode);
        Assert.Contains($"step 'detect' at {host.Target} failed: INVALID_ARGUMENT", detect.Message, StringComparison.Ordinal);
        var filter = run.Find("filter")!;
        Assert.Equal(StepPhase.Skipped, filter.Phase);
        Assert.Equal("skipped: step 'detect' failed", filter.Message);
        Assert.Equal(0, host.Faults.Calls("filter"));
        Assert.Equal(["resize", "detect", "filter"], finished);
    }

    [Fact]
    public async Task Retries_of_a_step_are_counted_in_its_result()
    {
        host.Faults.FailNext("resize", StatusCode.Unavailable);

        var run = await new PipelineRunner(client).RunAsync(TestSpecs.Classic(host.Target), NoParameters, null, CancellationToken.None);

        Assert.Equal(2, run.Find("resize")!.Attempts);
        Assert.True(run.Succeeded);
    }

    [Fact]
    public async Task An_unknown_parameter_is_rejected_before_any_call()
    {
        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() => new PipelineRunner(client).RunAsync(
            TestSpecs.Classic(host.Target), new Dictionary<string, string> { ["imput"] = "x" }, null, CancellationToken.None));

        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.Equal("'imput' is not a parameter of pipeline 'test'", ex.Message);
        Assert.Equal(0, host.Faults.Calls("resize"));
    }

    [Fact]
    public async Task Selected_steps_run_alone_when_they_read_only_parameters()
    {
        var run = await new PipelineRunner(client).RunAsync(
            TestSpecs.Classic(host.Target), NoParameters, new PipelineRunOptions { OnlySteps = ["resize"] }, CancellationToken.None);

        Assert.Equal("resize", Assert.Single(run.Steps).Name);
        Assert.Equal(0, host.Faults.Calls("detect"));
    }

    [Fact]
    public async Task A_selected_step_reading_an_unselected_step_is_rejected()
    {
        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() => new PipelineRunner(client).RunAsync(
            TestSpecs.Classic(host.Target), NoParameters, new PipelineRunOptions { OnlySteps = ["filter"] }, CancellationToken.None));

        Assert.StartsWith("step 'filter' reads steps.detect.image (image) but step 'detect' is not part of this run", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_object_fails_the_first_step_with_not_found()
    {
        var run = await new PipelineRunner(client).RunAsync(
            TestSpecs.Classic(host.Target), new Dictionary<string, string> { ["input"] = "missing.jpg" }, null, CancellationToken.None);

        Assert.Contains("NOT_FOUND (input: missing.jpg does not exist)", run.Find("resize")!.Message, StringComparison.Ordinal);
        Assert.Equal([StepPhase.Failed, StepPhase.Skipped, StepPhase.Skipped], run.Steps.Select(s => s.Phase));
    }
}
