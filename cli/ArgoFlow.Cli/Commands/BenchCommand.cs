using System.CommandLine;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// `argoflow bench --local ...`: run the same pipeline warm, cold and in-process, interleaved, and report
/// percentiles, ratios, the per-step breakdown, throughput and the target check.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var local = new BenchLocalOptions();
        var command = new Command("bench", "Measure pipeline latency: warm services vs a process per step vs in-process calls (--local).");
        foreach (var option in local.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(local.Local))
            {
                throw new ArgoFlowException(ExitCode.Usage, "bench: say where to measure", "use --local to benchmark on this machine");
            }

            return await BenchLocalRun.RunAsync(local, parse, cancellationToken);
        });
        return command;
    }
}
