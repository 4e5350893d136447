using System.Globalization;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.Waits;
using Grpc.Core;
using Xunit.Abstractions;

namespace ArgoFlow.Reliability.Tests.Load;

/// <summary>
/// Sixteen concurrent callers against one `argoflow serve` with small limits: excess calls are shed with
/// RESOURCE_EXHAUSTED, the process survives, every output reported written exists and decodes. The same test is the
/// 60 s soak of docs/reliability.md when ARGOFLOW_SOAK_SECONDS is set (it then also prints the peak RSS).
/// </summary>
public sealed class LoadAndShutdownTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _store = new("argoflow-rel-load");

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Sixteen_callers_are_served_or_shed_and_every_reported_output_exists_and_decodes()
    {
        StoreAudit.SeedInputs(_store.Path);
        var soakSeconds = int.TryParse(Environment.GetEnvironmentVariable("ARGOFLOW_SOAK_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 0;
        await using var serve = await ServeProcess.StartAsync(new ServeSettings
        {
            Store = _store.Path,
            Services = "resize",
            ExtraArgs = ["--max-concurrency", "2", "--max-queue", "4"],
        });
        var harness = new LoadHarness(serve.Channel, concurrency: 16);
        using var duration = soakSeconds > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(soakSeconds)) : new CancellationTokenSource();
        await harness.RunAsync(soakSeconds > 0 ? int.MaxValue : 400, duration.Token);
        var peakRss = serve.Child.PeakRssKib();
        output.WriteLine($"calls: {harness.Describe()}; serve peak RSS (VmHWM): {peakRss} KiB");

        Assert.False(serve.Child.HasExited, serve.Child.Stderr);
        Assert.True(harness.Succeeded > 0);
        Assert.All(harness.Statuses.Keys, code => Assert.Contains(code, new[] { StatusCode.OK, StatusCode.ResourceExhausted }));
        AssertEveryOutputIsWhole(harness);
    }

    [Fact]
    public async Task Sigterm_under_load_finishes_in_flight_calls_refuses_new_ones_and_exits_zero_with_no_partial_output()
    {
        StoreAudit.SeedInputs(_store.Path);
        var serve = await ServeProcess.StartAsync(new ServeSettings
        {
            Store = _store.Path,
            Services = "resize",
            ExtraArgs = ["--max-concurrency", "2", "--max-queue", "8", "--shutdown-grace-seconds", "15"],
        });
        await using var _ = serve;
        var harness = new LoadHarness(serve.Channel, concurrency: 16);
        using var stop = new CancellationTokenSource();
        var load = harness.RunAsync(int.MaxValue, stop.Token);
        await Wait.UntilAsync(() => harness.Succeeded >= 40 || load.IsCompleted, "40 calls to succeed under load");

        serve.Child.Terminate();
        await load;
        var exit = await serve.Child.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exit);
        Assert.True(harness.Statuses.GetValueOrDefault(StatusCode.Unavailable) > 0, "calls after SIGTERM must be refused");
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new ResizeService.ResizeServiceClient(serve.Channel).ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = 64 }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        // In-flight calls end OK; the only failures are shed or refused calls, never a call cut off half-way.
        Assert.All(harness.Statuses.Keys, code => Assert.Contains(code, new[] { StatusCode.OK, StatusCode.ResourceExhausted, StatusCode.Unavailable }));
        AssertEveryOutputIsWhole(harness);
        output.WriteLine($"calls: {harness.Describe()}");
    }

    private void AssertEveryOutputIsWhole(LoadHarness harness)
    {
        Assert.Empty(StoreAudit.TemporaryFiles(_store.Path));
        Assert.All(harness.Written, uri => Assert.True(StoreAudit.Decodes(new Uri(uri).LocalPath), $"{uri} is missing or corrupt"));
        // Objects nobody was told about must be whole too (a call that failed after writing would show here).
        Assert.All(Directory.EnumerateFiles(_store.Combine("load")), path => Assert.True(StoreAudit.Decodes(path), $"{path} is corrupt"));
    }
}
