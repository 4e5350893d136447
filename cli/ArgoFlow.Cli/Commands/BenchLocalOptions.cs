using System.CommandLine;
using System.Globalization;
using ArgoFlow.Bench.Local;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Cli.Commands;

/// <summary>The options of `argoflow bench --local`, and reading them into <see cref="LocalBenchOptions"/> with every problem reported at once.</summary>
internal sealed class BenchLocalOptions
{
    public Option<bool> Local { get; } = new("--local") { Description = "Benchmark on this machine: warm services vs a process per step vs in-process calls." };

    public Option<string?> Spec { get; } = new("--file", "-f") { Description = "Pipeline spec to run (default: resize 640x360 -> detect -> gaussian filter)." };

    public Option<string?> Input { get; } = new("--input") { Description = "Image or folder of images (default: a 1920x1080 JPEG built from ../shared/images)." };

    public Option<int> Iterations { get; } = new("--iterations", "-n") { Description = "Measured runs per mode.", DefaultValueFactory = _ => 30 };

    public Option<int> Warmup { get; } = new("--warmup") { Description = "Warm-up runs per mode, excluded from the statistics.", DefaultValueFactory = _ => 3 };

    public Option<int> Concurrency { get; } = new("--concurrency", "-c") { Description = "Pipelines of one mode in flight at once (throughput when above 1).", DefaultValueFactory = _ => 1 };

    public Option<string> Modes { get; } = new("--modes") { Description = "Modes, interleaved in this order: warm, cold, inproc.", DefaultValueFactory = _ => "warm,cold,inproc" };

    public Option<string?> Service { get; } = new("--service") { Description = "Benchmark one service's calls alone: resize (to 640x360), detect or filter (gaussian blur)." };

    public Option<string> Target { get; } = new("--target") { Description = "Target for each mode's p95, e.g. 3s, 50ms.", DefaultValueFactory = _ => "3s" };

    public Option<string> Output { get; } = new("--output", "-o") { Description = "Result on stdout: table or json.", DefaultValueFactory = _ => "table" };

    public Option<string?> Report { get; } = new("--report") { Description = "Also write a Markdown report to this file." };

    public Option<string?> Chart { get; } = new("--chart") { Description = "Also write the latency distribution chart (.svg or .png)." };

    public Option<string?> Model { get; } = new("--model") { Description = "Detection model (.onnx); default ARGOFLOW_MODELS or ../shared/models/fastestdet (as `argoflow run`)." };

    public Option<string?> WorkDir { get; } = new("--work-dir") { Description = "Store folder to work in and keep (default: a temporary folder, deleted)." };

    public IEnumerable<Option> All => [Local, Spec, Input, Iterations, Warmup, Concurrency, Modes, Service, Target, Output, Report, Chart, Model, WorkDir];

    public static TimeSpan ParseDuration(string text)
    {
        var value = text.Trim();
        var (number, scale) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 1.0)
            : value.EndsWith('s') ? (value[..^1], 1000.0)
            : value.EndsWith('m') ? (value[..^1], 60_000.0)
            : (value, 1000.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 && double.IsFinite(n)
            ? TimeSpan.FromMilliseconds(n * scale)
            : throw new FormatException($"'{text}' is not a duration such as 3s, 50ms or 1.5s");
    }

    /// <summary>The spec, modes and target, checked together; the caller adds inputs and the model.</summary>
    public (PipelineSpec Spec, IReadOnlyList<string> Modes, TimeSpan Target, List<string> Problems) ReadBasics(ParseResult parse)
    {
        var problems = new List<string>();
        var file = parse.GetValue(Spec);
        var service = parse.GetValue(Service);
        if (file is not null && service is not null)
        {
            problems.Add("--service and -f: give one (--service runs a built-in one-step pipeline)");
        }

        var output = parse.GetValue(Output);
        if (output is not ("table" or "json"))
        {
            problems.Add($"--output: must be table or json, got '{output}'");
        }

        if (parse.GetValue(Chart) is { } chart && Path.GetExtension(chart).ToLowerInvariant() is not (".svg" or ".png"))
        {
            problems.Add($"--chart {chart}: the file must end in .svg or .png");
        }

        var target = TimeSpan.Zero;
        try
        {
            target = ParseDuration(parse.GetValue(Target)!);
        }
        catch (FormatException ex)
        {
            problems.Add($"--target: {ex.Message}");
        }

        var modes = BenchModes.Parse(parse.GetValue(Modes)!);
        var spec = service is not null ? BenchSpecs.Service(service)
            : file is not null ? PipelineSpecReader.ReadFile(file)
            : BenchSpecs.Pipeline();
        return (spec, modes, target, problems);
    }

    public static ArgoFlowException Usage(IEnumerable<string> problems) =>
        new(ExitCode.Usage, string.Join(Environment.NewLine + "error: ", problems), "see `argoflow bench --help`");
}
