using System.CommandLine;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// `argoflow bench`: measure pipelines side by side, modes interleaved, with percentiles and failures counted.
/// Each mode of measurement is one run class producing a BenchReport; <see cref="BenchOutput"/> renders it.
/// </summary>
internal static class BenchCommand
{
    private const string Description = """
        Compare run times side by side: percentiles per mode, ratios, failures; table, --output json, --report, --chart.
          --cluster --from workflowtemplate/NAME... [--runs N]   submit N workflows per template on the cluster,
              watch them, report the client wall time, the status times and per-step times, and the
              workflow-controller settings that bound step latency (with what to change for 1-3 s pipelines).
          --local [-f SPEC] [--input PATH|DIR] [--runs N] [--warmup N] [--concurrency C]
              [--modes warm,cold,inproc] [--service resize|detect|filter] [--target 3s]
              the same pipeline through warm services, a process per step and in-process (the local runner
              is in bench/ArgoFlow.Bench/Local; its options join this command).

        Examples:
          argoflow bench --local --runs 30 --report bench.md --chart bench.svg
          argoflow bench --local --service resize --modes warm,inproc -o json
          argoflow bench --cluster --from workflowtemplate/classic --from workflowtemplate/classic-plugin --runs 20 -n argo
        """;

    public static Command Create()
    {
        var options = new BenchOptions();
        var local = new BenchLocalOptions();
        var command = new Command("bench", Description);
        options.AddTo(command);
        local.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var isLocal = parse.GetValue(local.Local);
            if (isLocal == parse.GetValue(options.Cluster))
            {
                throw new ArgoFlowException(ExitCode.Usage, "choose what to benchmark: --local or --cluster (see `argoflow bench --help`)");
            }

            BenchOutput.Check(options, parse);
            var result = isLocal
                ? await BenchLocalRun.RunAsync(options, local, parse, cancellationToken)
                : await new BenchClusterRun(options, parse).RunAsync(cancellationToken);
            await BenchOutput.WriteAsync(result, options, parse);
            return result.Report.Modes.Any(m => m.Failures > 0) ? (int)ExitCode.Failed : 0;
        });
        return command;
    }
}
