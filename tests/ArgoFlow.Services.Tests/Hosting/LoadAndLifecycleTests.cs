using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Storage;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport.Waits;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace ArgoFlow.Services.Tests.Hosting;

/// <summary>The host with its store swapped for a gated one: warm-up, load shedding and graceful shutdown.</summary>
public sealed class LoadAndLifecycleTests
{
    [Fact]
    public async Task Health_goes_from_not_serving_to_serving_when_warm_up_completes_and_calls_wait_for_it()
    {
        GatedStore? store = null;
        await using var test = await TestHost.StartAsync(
            services: s => s.AddSingleton<IImageStore>(sp => store = new GatedStore(sp.GetRequiredService<ArgoFlow.Services.Hosting.WarmHostOptions>().Store, holdChecks: true)),
            waitUntilServing: false);
        var health = new Health.HealthClient(test.Channel);

        var before = await health.CheckAsync(new HealthCheckRequest { Service = "argoflow.v1.DetectService" });
        var early = await Assert.ThrowsAsync<RpcException>(() =>
            new ResizeService.ResizeServiceClient(test.Channel).ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = 10 }).ResponseAsync);
        var healthz = await test.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        store!.CheckGate.SetResult();
        await test.Host.WaitUntilServingAsync(CancellationToken.None).WithinAsync("the warm host to report SERVING (every service warmed up)");
        var after = await health.CheckAsync(new HealthCheckRequest { Service = "argoflow.v1.DetectService" });
        var overall = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(ServingStatus.NotServing, before.Status);
        Assert.Equal(StatusCode.Unavailable, early.StatusCode);
        Assert.Contains("warming up", early.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(503, (int)healthz.StatusCode);
        Assert.Equal((ServingStatus.Serving, ServingStatus.Serving), (after.Status, overall.Status));
    }

    [Fact]
    public async Task Calls_beyond_concurrency_and_queue_are_rejected_at_once_with_resource_exhausted()
    {
        GatedStore? store = null;
        await using var test = await TestHost.StartAsync(
            o => (o.MaxConcurrency, o.MaxQueue) = (1, 1),
            s => s.AddSingleton<IImageStore>(sp => store = new GatedStore(sp.GetRequiredService<ArgoFlow.Services.Hosting.WarmHostOptions>().Store, holdReads: true)));
        var client = new ResizeService.ResizeServiceClient(test.Channel);
        var request = new ResizeRequest { Input = "in/0.jpg", Width = 64 };

        var running = client.ResizeAsync(request).ResponseAsync;
        await store!.ReadEntered.Task;
        var queued = client.ResizeAsync(request).ResponseAsync;
        var gates = test.Host.Services.GetRequiredService<ArgoFlow.Services.Hosting.ServiceGates>();
        await Wait.UntilAsync(() => gates.Queued("resize") > 0, "the second resize call to queue behind the first");

        var rejected = await Assert.ThrowsAsync<RpcException>(() => client.ResizeAsync(request).ResponseAsync);
        var otherService = new FilterService.FilterServiceClient(test.Channel).FilterAsync(new FilterRequest { Input = "in/0.jpg", Operation = "grayscale" }).ResponseAsync;
        store.ReadGate.SetResult();

        Assert.Equal(StatusCode.ResourceExhausted, rejected.StatusCode);
        Assert.Contains("resize is busy", rejected.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(64, (await running).Width);
        Assert.Equal(64, (await queued).Width);
        Assert.Equal(640, (await otherService).Width);
        var metrics = await test.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("argoflow_calls_rejected_total{service=\"resize\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_reports_not_serving_and_lets_the_in_flight_call_finish()
    {
        GatedStore? store = null;
        var test = await TestHost.StartAsync(
            s => s.ShutdownGrace = TimeSpan.FromMinutes(1),
            s => s.AddSingleton<IImageStore>(sp => store = new GatedStore(sp.GetRequiredService<ArgoFlow.Services.Hosting.WarmHostOptions>().Store, holdReads: true)));
        var client = new ResizeService.ResizeServiceClient(test.Channel);
        var inFlight = client.ResizeAsync(new ResizeRequest { Input = "in/1.jpg", Width = 32 }).ResponseAsync;
        await store!.ReadEntered.Task;

        var stopping = test.Host.StopAsync(CancellationToken.None);
        var state = test.Host.Services.GetRequiredService<ArgoFlow.Services.Hosting.WarmUpState>();
        Assert.True(state.Stopping);
        Assert.False(stopping.IsCompleted);
        store.ReadGate.SetResult();

        Assert.Equal(32, (await inFlight).Width);
        await stopping;
        await test.DisposeAsync();
    }
}
