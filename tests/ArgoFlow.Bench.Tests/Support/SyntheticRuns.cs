using ArgoFlow.Bench.Local;
using ArgoFlow.Bench.Reporting;

namespace ArgoFlow.Bench.Tests.Support;

/// <summary>Hand-made runs with known numbers, so the analysis and the writers can be checked exactly.</summary>
internal static class SyntheticRuns
{
    public static EnvironmentReport Environment { get; } =
        new("bench-host", "Test CPU @ 2.0GHz", 2, "Linux 6.1", ".NET 10.0.0", "0.1.0", "1.31.1", "4.13.0");

    public static LocalBenchOptions Options(IReadOnlyList<string> modes, double targetMs = 3000, int concurrency = 1) => new()
    {
        Spec = BenchSpecs.Service("resize"),
        Inputs = ["/tmp/in/photo.jpg"],
        Modes = modes,
        Iterations = 4,
        Warmup = 1,
        Concurrency = concurrency,
        Target = TimeSpan.FromMilliseconds(targetMs),
    };

    public static BenchSample Ok(string mode, double ms, bool warmup = false) =>
        new(mode, 0, warmup, true, ms, [Step(ms)], null);

    public static BenchSample Failed(string mode, string error) =>
        new(mode, 0, false, false, 5, [], error);

    public static StepSample Step(double ms) =>
        new("resize", true, 0.1 * ms, 0.2 * ms, 0.3 * ms, 0.1 * ms, 0.1 * ms, 0.8 * ms, ms);

    /// <summary>warm 10..40 ms, cold 400..1000 ms, inproc 8..20 ms, each after one huge warm-up run.</summary>
    public static LocalBenchRun ThreeModes(double targetMs = 3000) => new(
        Options(["warm", "cold", "inproc"], targetMs),
        [
            Ok("warm", 5000, warmup: true), Ok("cold", 9000, warmup: true), Ok("inproc", 7000, warmup: true),
            Ok("warm", 10), Ok("cold", 400), Ok("inproc", 8),
            Ok("warm", 20), Ok("cold", 600), Ok("inproc", 10),
            Ok("warm", 30), Ok("cold", 800), Ok("inproc", 12),
            Ok("warm", 40), Ok("cold", 1000), Ok("inproc", 20),
        ],
        new Dictionary<string, double> { ["warm"] = 100, ["cold"] = 2800, ["inproc"] = 50 });
}
