using System.CommandLine;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// The flags of `argoflow bench`. Shared: --output, --report, --chart, --warmup. Cluster mode (--cluster): --from
/// (repeatable), --runs, -p, --timeout, --controller-namespace and the kubectl flags. The local mode of issue 6
/// (--local -f SPEC --input --runs --concurrency --modes warm,cold,inproc --service --target) plugs in as
/// its own option set and run class beside <see cref="BenchClusterRun"/>.
/// </summary>
internal sealed class BenchOptions
{
    /// <summary>Warm-up runs per template with --cluster when --warmup is not given: each is a whole workflow.</summary>
    public const int DefaultClusterWarmup = 0;

    public Option<bool> Cluster { get; } = new("--cluster") { Description = "Benchmark workflows on a Kubernetes cluster with Argo (submit, watch, time)." };

    public Option<string[]> From { get; } = new("--from")
    {
        Description = "A template to run, workflowtemplate/NAME; repeat for each mode (e.g. the same spec generated in http, plugin and container mode).",
    };

    /// <summary>One word for measured runs in both modes; --iterations (the local mode's old name) still works.</summary>
    public Option<int?> Runs { get; } = new("--runs", "--iterations")
    {
        Description = "Measured runs per mode, interleaved across modes (default 5 with --cluster: workflows per template; 30 with --local).",
    };

    /// <summary>No default value in the option itself; the help names the two modes' constants, so they cannot disagree.</summary>
    public Option<int?> Warmup { get; } = new("--warmup") { Description = $"Runs per mode done first and left out of the statistics (default {DefaultClusterWarmup} with --cluster, {BenchLocalOptions.DefaultWarmup} with --local)." };

    public Option<string[]> Parameters { get; } = new("--parameter", "-p") { Description = "A workflow parameter NAME=VALUE for every run (repeatable)." };

    public Option<string> Timeout { get; } = new("--timeout") { Description = "Longest wait for one workflow; longer counts as a failure (default 10m).", DefaultValueFactory = _ => "10m" };

    public Option<string> ControllerNamespace { get; } = new("--controller-namespace")
    {
        Description = "Namespace of the workflow-controller Deployment whose settings are read (default argo).",
        DefaultValueFactory = _ => "argo",
    };

    public Option<string> Target { get; } = new("--target") { Description = "Each mode's p95 is checked against this (default 3s, the goal of the original system).", DefaultValueFactory = _ => "3s" };

    public Option<string> Output { get; } = new("--output", "-o") { Description = "table (default) or json (the schema in docs/benchmarks.md).", DefaultValueFactory = _ => "table" };

    public Option<string?> Report { get; } = new("--report") { Description = "Also write a Markdown report to this file." };

    public Option<string?> Chart { get; } = new("--chart") { Description = "Also draw the latency distribution per mode to FILE.svg or FILE.png." };

    public ClusterOptions Kube { get; } = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Cluster, From, Runs, Warmup, Parameters, Timeout, ControllerNamespace, Target, Output, Report, Chart })
        {
            command.Options.Add(option);
        }

        Kube.AddTo(command);
    }
}
