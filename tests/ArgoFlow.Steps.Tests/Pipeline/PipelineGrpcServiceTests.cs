using ArgoFlow.Contracts.V1;
using ArgoFlow.Steps.Pipeline;
using ArgoFlow.Steps.Tests.Doubles;
using ArgoFlow.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace ArgoFlow.Steps.Tests.Pipeline;

public sealed class PipelineGrpcServiceTests : IAsyncLifetime
{
    private DoubleServicesHost host = null!;
    private GrpcChannel channel = null!;
    private PipelineService.PipelineServiceClient client = null!;

    public async Task InitializeAsync()
    {
        host = await DoubleServicesHost.StartAsync(
            app => app.MapPipelineService(),
            services => services.AddPipelineService(new PipelineServiceOptions()));
        host.Put("in/photo.jpg", [1, 2, 3]);
        channel = GrpcChannel.ForAddress($"http://{host.Target}");
        client = new PipelineService.PipelineServiceClient(channel);
    }

    public async Task DisposeAsync()
    {
        channel.Dispose();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Run_returns_every_steps_phase_attempts_timing_and_response()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await client.RunAsync(Request());
        var measured = clock.Elapsed;

        Assert.Equal("Succeeded", response.Phase);
        Assert.Equal(["shrink", "people", "blur"], response.Steps.Select(s => s.Name));
        Assert.Equal(["resize", "detect", "filter"], response.Steps.Select(s => s.Type));
        Assert.All(response.Steps, s => Assert.Equal(1, s.Attempts));
        Assert.Equal(15, response.Steps[0].Timing.TotalMs);
        Assert.EndsWith("in/photo.resize-64x48-.jpg", response.Steps[0].Resize.Output, StringComparison.Ordinal);
        Assert.EndsWith(".detections.json", response.Steps[1].Detect.DetectionsUri, StringComparison.Ordinal);
        Assert.Equal(1, response.Steps[2].Filter.Regions);
        StageTimes.AssertConsistent(response.TotalMs, measured);
    }

    [Fact]
    public async Task A_failed_step_makes_the_run_failed_with_the_cause_and_skips_its_dependants()
    {
        host.Faults.FailNext("detect", StatusCode.FailedPrecondition);

        var response = await client.RunAsync(Request());

        Assert.Equal("Failed", response.Phase);
        Assert.Equal(["Succeeded", "Failed", "Skipped"], response.Steps.Select(s => s.Phase));
        Assert.Contains("FAILED_PRECONDITION", response.Steps[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selected_steps_run_alone()
    {
        var request = Request();
        request.Steps.Add("shrink");

        var response = await client.RunAsync(request);

        Assert.Equal("shrink", Assert.Single(response.Steps).Name);
        Assert.Equal(0, host.Faults.Calls("detect"));
    }

    [Fact]
    public async Task An_invalid_spec_is_invalid_argument_with_its_location()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.RunAsync(new RunPipelineRequest { Spec = "apiVersion: argoflow.io/v1alpha1\nkind: Pipeline\nspec: {}\n" }));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("request.spec", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_spec_and_an_unknown_parameter_are_invalid_argument()
    {
        var empty = await Assert.ThrowsAsync<RpcException>(async () => await client.RunAsync(new RunPipelineRequest()));
        var request = Request();
        request.Parameters["colour"] = "red";
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await client.RunAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
        Assert.Contains("'colour' is not a parameter", unknown.Status.Detail, StringComparison.Ordinal);
    }

    private RunPipelineRequest Request() => new()
    {
        Spec = $$"""
            apiVersion: argoflow.io/v1alpha1
            kind: Pipeline
            metadata:
              name: fused-test
            spec:
              parameters:
                - name: input
              services:
                resize: {grpc: "{{host.Target}}", http: "http://{{host.Target}}"}
                detect: {grpc: "{{host.Target}}", http: "http://{{host.Target}}"}
                filter: {grpc: "{{host.Target}}", http: "http://{{host.Target}}"}
              retry: {limit: 1, backoff: 1s}
              steps:
                - name: shrink
                  type: resize
                  with: {width: 64, height: 48}
                - name: people
                  type: detect
                - name: blur
                  type: filter
                  inputs:
                    image: steps.shrink.image
                    regions: steps.people.detections
                  with: {operation: blurRegions}
            """,
        Parameters = { ["input"] = "in/photo.jpg" },
    };
}
