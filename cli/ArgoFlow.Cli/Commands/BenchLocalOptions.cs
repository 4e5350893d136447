using System.CommandLine;
using ArgoFlow.Bench.Local;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// The flags only `argoflow bench --local` has; --runs, --warmup, --target, --output, --report and --chart are shared
/// (<see cref="BenchOptions"/>).
/// </summary>
internal sealed class BenchLocalOptions
{
    /// <summary>Warm-up runs per mode when --warmup is not given: the first runs pay JIT and cache misses.</summary>
    public const int DefaultWarmup = 3;

    /// <summary>Measured runs per mode when --runs is not given.</summary>
    public const int DefaultRuns = 30;

    public Option<bool> Local { get; } = new("--local") { Description = "Benchmark on this machine: warm services vs a process per step vs in-process calls." };

    public Option<string?> Spec { get; } = new("--file", "-f") { Description = "Pipeline spec to run (default: resize 640x360 -> detect -> gaussian filter)." };

    public Option<string?> Input { get; } = new("--input") { Description = "Image or folder of images (default: a 1920x1080 JPEG built from ../shared/images)." };

    public Option<int> Concurrency { get; } = new("--concurrency", "-c") { Description = "Pipelines of one mode in flight at once; above 1 the throughput is reported (--local).", DefaultValueFactory = _ => 1 };

    public Option<string> Modes { get; } = new("--modes") { Description = "Modes, interleaved in this order: warm, cold, inproc (--local).", DefaultValueFactory = _ => "warm,cold,inproc" };

    public Option<string?> Service { get; } = new("--service") { Description = "Benchmark one service's calls alone: resize (to 640x360), detect or filter (gaussian blur)." };

    public Option<string?> Model { get; } = new("--model") { Description = "Detection model (.onnx); default ARGOFLOW_MODELS or ../shared/models (as `argoflow run`)." };

    public Option<string?> WorkDir { get; } = new("--work-dir") { Description = "Store folder to work in and keep (default: a temporary folder, deleted)." };

    public Option<string?> Services { get; } = new("--services") { Description = "Warm mode against a running `argoflow serve` at HOST:PORT, or several replicas as HOST:PORT,HOST:PORT (needs --work-dir = their --store folder); default: services started in this process." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Local, Spec, Input, Concurrency, Modes, Service, Model, WorkDir, Services })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The pipeline to run: --service's one-step pipeline, -f SPEC, or the built-in one.</summary>
    public PipelineSpec ReadSpec(ParseResult parse)
    {
        var file = parse.GetValue(Spec);
        var service = parse.GetValue(Service);
        if (file is not null && service is not null)
        {
            throw new ArgoFlowException(ExitCode.Usage, "--service and -f: give one (--service runs a built-in one-step pipeline)");
        }

        return service is not null ? BenchSpecs.Service(service)
            : file is not null ? PipelineSpecReader.ReadFile(file)
            : BenchSpecs.Pipeline();
    }
}
