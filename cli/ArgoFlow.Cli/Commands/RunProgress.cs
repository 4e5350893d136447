using ArgoFlow.Steps.Runner;
using Spectre.Console;

namespace ArgoFlow.Cli.Commands;

/// <summary>A progress bar on stderr while several runs go, only when stderr is a terminal (never in logs or pipes).</summary>
internal static class RunProgress
{
    public static async Task<IReadOnlyList<PipelineRunResult>> RunAsync(
        TextWriter stderr,
        int total,
        Func<Action<PipelineRunResult>?, CancellationToken, Task<IReadOnlyList<PipelineRunResult>>> run,
        CancellationToken cancellationToken)
    {
        if (total < 2 || !RunConsole.IsTerminal(stderr))
        {
            return await run(null, cancellationToken);
        }

        IReadOnlyList<PipelineRunResult> results = [];
        await RunConsole.For(stderr).Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"{total} runs", maxValue: total);
                results = await run(_ => task.Increment(1), cancellationToken);
            });
        return results;
    }
}
