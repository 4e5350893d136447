using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Bench.Local;

/// <summary>What `argoflow bench --local` runs. Every count is per mode.</summary>
public sealed record LocalBenchOptions
{
    /// <summary>The pipeline; it must take an <c>input</c> parameter (the image key). Default <see cref="BenchSpecs.Pipeline"/>.</summary>
    public required PipelineSpec Spec { get; init; }

    /// <summary>Image files, used round-robin. At least one.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Modes in the order each round visits them. Default warm, cold, inproc.</summary>
    public IReadOnlyList<string> Modes { get; init; } = BenchModes.All;

    /// <summary>Measured runs per mode. Default 30.</summary>
    public int Iterations { get; init; } = 30;

    /// <summary>Warm-up runs per mode, run first and left out of the statistics. Default 3.</summary>
    public int Warmup { get; init; } = 3;

    /// <summary>Pipelines of one mode in flight at once; above 1 the throughput is reported. Default 1.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>The detection model (needed when the pipeline detects).</summary>
    public string? ModelPath { get; init; }

    /// <summary>How to start `argoflow` for cold steps; default <see cref="ColdCommand.Locate"/>.</summary>
    public ColdCommand? ColdCommand { get; init; }

    /// <summary>Store folder to work in (kept afterwards); default a temporary folder deleted at the end.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>
    /// A running `argoflow serve` (HOST:PORT) for the warm mode instead of services started in this process; its
    /// --store must be <see cref="WorkDirectory"/>, where the inputs are placed. Default: in-process warm services.
    /// </summary>
    public string? Services { get; init; }

    /// <summary>The target a pipeline's p95 is checked against. Default 3 s (the original system's goal).</summary>
    public TimeSpan Target { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Every problem with these options, for one usage error.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Iterations is < 1 or > 100_000)
        {
            problems.Add($"--runs: must be in 1..100000, got {Iterations}");
        }

        if (Warmup is < 0 or > 10_000)
        {
            problems.Add($"--warmup: must be in 0..10000, got {Warmup}");
        }

        if (Concurrency is < 1 or > 256)
        {
            problems.Add($"--concurrency: must be in 1..256, got {Concurrency}");
        }

        if (Services is not null && WorkDirectory is null)
        {
            problems.Add("--services: needs --work-dir set to the --store folder of that `argoflow serve`, where the inputs are put");
        }

        if (Services is not null)
        {
            try
            {
                Steps.Client.Balancing.ServiceTarget.Parse(Services);
            }
            catch (Core.Errors.ArgoFlowException ex)
            {
                problems.Add($"--services: {ex.Message}; give HOST:PORT or HOST:PORT,HOST:PORT");
            }
        }

        if (Target <= TimeSpan.Zero)
        {
            problems.Add($"--target: must be above 0, got {Target.TotalMilliseconds} ms");
        }

        if (Inputs.Count == 0)
        {
            problems.Add("--input: no image to run");
        }

        if (Spec.Parameters.All(p => p.Name != "input"))
        {
            problems.Add($"-f: pipeline '{Spec.Name}' has no 'input' parameter for the bench to set to the image");
        }

        if (Spec.Steps.Any(s => s.Type.Name == "detect") && ModelPath is null)
        {
            problems.Add("--model: the pipeline detects, but no model was given or found");
        }

        return problems;
    }
}
