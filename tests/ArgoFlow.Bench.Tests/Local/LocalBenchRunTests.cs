using ArgoFlow.Bench.Local;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.Waits;

namespace ArgoFlow.Bench.Tests.Local;

/// <summary>Short real runs of each mode (real services on 127.0.0.1, real processes); structure and counts only, never timings.</summary>
public sealed class LocalBenchRunTests
{
    private static LocalBenchOptions Options(IReadOnlyList<string> modes, string input, int iterations, int warmup, string? workDir = null) => new()
    {
        Spec = BenchSpecs.Pipeline(),
        Inputs = [input],
        Modes = modes,
        Iterations = iterations,
        Warmup = warmup,
        ModelPath = SharedData.ModelPath,
        WorkDirectory = workDir,
    };

    [Fact]
    public async Task Warm_and_inproc_runs_succeed_every_time_and_mark_the_warmup_runs()
    {
        var progress = new List<(int Done, int Total)>();
        var run = await LocalBench.RunAsync(Options(["warm", "inproc"], SharedData.Image("0.jpg"), 2, 1),
            new InlineProgress(progress.Add), CancellationToken.None);

        Assert.Equal(["warm", "inproc", "warm", "inproc", "warm", "inproc"], run.Samples.Select(s => s.Mode));
        Assert.Equal([true, true, false, false, false, false], run.Samples.Select(s => s.Warmup));
        Assert.All(run.Samples, s => Assert.True(s.Succeeded, s.Error));
        Assert.All(run.Samples, s => Assert.Equal(["resize", "detect", "filter"], s.Steps.Select(st => st.Name)));
        Assert.Equal((6, 6), progress[^1]);
        Assert.All(run.Samples.Where(s => s.Mode == "inproc").SelectMany(s => s.Steps), st => Assert.Equal(0, st.DownloadMs));
    }

    [Fact]
    public async Task Concurrent_runs_all_succeed_and_give_each_mode_a_measured_wall_time()
    {
        var options = Options(["warm", "inproc"], SharedData.Image("0.jpg"), 5, 0) with { Concurrency = 2 };
        var run = await LocalBench.RunAsync(options, null, CancellationToken.None);

        Assert.Equal(10, run.Samples.Count);
        Assert.All(run.Samples, s => Assert.True(s.Succeeded, s.Error));
        Assert.All(options.Modes, m => Assert.True(run.MeasuredWallMs[m] > 0));
        var report = LocalBenchAnalysis.Analyze(run, Support.SyntheticRuns.Environment);
        Assert.All(report.Modes, m => Assert.True(m.ThroughputPerSecond > 0));
    }

    [Fact]
    public async Task Cold_run_starts_argoflow_per_step_and_its_outputs_land_in_the_store()
    {
        using var work = new TempDirectory();
        var run = await LocalBench.RunAsync(Options(["cold"], SharedData.Image("0.jpg"), 1, 0, work.Path), null, CancellationToken.None);

        var sample = Assert.Single(run.Samples);
        Assert.True(sample.Succeeded, sample.Error);
        Assert.Equal(3, sample.Steps.Count);
        Assert.Contains(Directory.EnumerateFiles(work.Path, "*", SearchOption.AllDirectories), f => f.Contains("filter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Warm_mode_against_an_external_serve_calls_it_and_its_outputs_land_in_that_store()
    {
        using var store = new TempDirectory();
        await using var serve = await ArgoFlow.Services.Hosting.WarmHost.StartAsync(new ArgoFlow.Services.Hosting.WarmHostOptions
        {
            Services = ["resize", "detect", "filter"],
            GrpcPort = 0,
            HttpPort = -1,
            Store = store.Path,
            Models = [new ArgoFlow.Services.Detect.ModelOptions { Path = SharedData.ModelPath }],
        });
        await serve.WaitUntilServingAsync(CancellationToken.None).WithinAsync("the warm host to report SERVING (every service warmed up)");

        var options = Options(["warm"], SharedData.Image("0.jpg"), 2, 0, store.Path) with { Services = serve.GrpcAddress };
        var run = await LocalBench.RunAsync(options, null, CancellationToken.None);

        Assert.Equal(2, run.Samples.Count);
        Assert.All(run.Samples, s => Assert.True(s.Succeeded, s.Error));
        Assert.Contains(Directory.EnumerateFiles(store.Path, "*", SearchOption.AllDirectories), f => f.Contains("filter", StringComparison.Ordinal));
    }

    [Fact]
    public void External_services_without_the_store_folder_are_a_usage_problem()
    {
        var options = Options(["warm"], SharedData.Image("0.jpg"), 1, 0) with { Services = "127.0.0.1:9090" };

        Assert.Contains(options.Validate(), p => p.StartsWith("--services: needs --work-dir", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_input_fails_every_measured_run_and_each_failure_is_counted_with_its_cause()
    {
        using var temp = new TempDirectory();
        var broken = temp.Combine("broken.jpg");
        var bytes = File.ReadAllBytes(SharedData.Image("0.jpg"));
        File.WriteAllBytes(broken, bytes[..(bytes.Length / 2)]);

        var run = await LocalBench.RunAsync(Options(["warm", "inproc"], broken, 2, 1), null, CancellationToken.None);
        var report = LocalBenchAnalysis.Analyze(run, Support.SyntheticRuns.Environment);

        foreach (var mode in report.Modes)
        {
            Assert.Equal(2, mode.N);
            Assert.Equal(0, mode.Successes);
            Assert.Equal(2, mode.Failures);
            Assert.Equal(1, mode.WarmupRuns);
            Assert.False(mode.Target.Met);
            Assert.Contains("truncated", Assert.Single(mode.Errors).Message, StringComparison.Ordinal);
        }
    }

    private sealed class InlineProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
