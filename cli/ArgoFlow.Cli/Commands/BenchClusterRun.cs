using System.CommandLine;
using ArgoFlow.Bench.Cluster;
using ArgoFlow.Bench.Reporting;
using ArgoFlow.Cluster.Controller;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Submit;
using ArgoFlow.Cluster.Watch;

namespace ArgoFlow.Cli.Commands;

/// <summary>`argoflow bench --cluster`: reads the flags, runs <see cref="ClusterBenchRunner"/>, builds the report.</summary>
internal sealed class BenchClusterRun
{
    private readonly BenchOptions _options;
    private readonly ParseResult _parse;

    public BenchClusterRun(BenchOptions options, ParseResult parse)
    {
        _options = options;
        _parse = parse;
    }

    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var templates = (_parse.GetValue(_options.From) ?? []).Select(SubmitCommand.TemplateName).ToList();
        if (templates.Count == 0)
        {
            throw new ArgoFlow.Core.Errors.ArgoFlowException(ArgoFlow.Core.Errors.ExitCode.Usage,
                "bench --cluster needs at least one --from workflowtemplate/NAME");
        }

        var benchOptions = new ClusterBenchOptions
        {
            Templates = templates,
            Runs = _parse.GetValue(_options.Runs) ?? 5,
            Warmup = _parse.GetValue(_options.Warmup) ?? BenchOptions.DefaultClusterWarmup,
            Parameters = (_parse.GetValue(_options.Parameters) ?? []).Select(p => KeyValueParser.Parse(p, "-p")).ToList(),
            WorkflowTimeout = GoDuration.Parse(_parse.GetValue(_options.Timeout)!, "--timeout"),
            ControllerNamespace = _parse.GetValue(_options.ControllerNamespace)!,
        };
        var time = TimeProvider.System;
        using var connection = KubeConnection.Open(_options.Kube.Read(_parse));
        var api = new KubeApiClient(connection);
        var err = _parse.InvocationConfiguration.Error;
        var settings = await ControllerSettingsReader.ReadAsync(api, benchOptions.ControllerNamespace, cancellationToken);
        var progress = new BenchProgressBar(err);
        var result = await new ClusterBenchRunner(new ArgoClient(api), time).RunAsync(benchOptions, progress, cancellationToken);
        progress.Finish();
        var cluster = ClusterBenchReport.Cluster(result, connection.Server.ToString(), connection.Context, connection.Namespace, settings);
        var target = GoDuration.Parse(_parse.GetValue(_options.Target)!, "--target").TotalMilliseconds;
        var report = ClusterBenchReport.Build(result, benchOptions, cluster, EnvironmentProbe.Current(), target);
        var series = result.Templates.Select(t => (t, result.WallTimes(t))).ToList();
        return new BenchResult(report, series);
    }
}
