using System.Globalization;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Runner;
using Spectre.Console;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// The human summary on stderr: a table per step (status, attempts, the services' download/decode/process/
/// encode/upload/total ms and the client's wall time; medians over succeeded runs when there are several),
/// each failure with its cause, and the outputs of a single run.
/// </summary>
internal static class RunSummary
{
    private const int MaxFailuresShown = 10;

    public static void Write(TextWriter stderr, RunReport report, bool quiet)
    {
        var console = RunConsole.For(stderr);
        var runs = report.Runs;
        var many = runs.Count > 1;
        // Narrow headers and no border keep the table within ~90 columns; the unit goes in the caption.
        var table = new Table().Border(TableBorder.None)
            .Caption(many ? $"times in ms: medians of the succeeded runs out of {runs.Count}" : "times in ms: service stages, service total, client wall time");
        table.AddColumns("step", "type", "status", "tries");
        foreach (var stage in new[] { "download", "decode", "process", "encode", "upload", "total", "client" })
        {
            table.AddColumn(new TableColumn(stage).RightAligned());
        }

        foreach (var step in runs[0].Steps.Select(s => s.Name))
        {
            var results = runs.Select(r => r.Find(step)!).ToList();
            var ok = results.Where(r => r.Succeeded).ToList();
            double P50(Func<StepRunResult, double> pick) => RunReport.Percentile(ok.Select(pick), 50);
            table.AddRow(
                Markup.Escape(step),
                results[0].Type,
                Status(results, many),
                results.Sum(r => r.Attempts).ToString(CultureInfo.InvariantCulture),
                Ms(P50(r => r.Timing.DownloadMs)), Ms(P50(r => r.Timing.DecodeMs)), Ms(P50(r => r.Timing.ProcessMs)),
                Ms(P50(r => r.Timing.EncodeMs)), Ms(P50(r => r.Timing.UploadMs)), Ms(P50(r => r.Timing.TotalMs)),
                Ms(P50(r => r.ClientMs)));
        }

        if (!quiet || !report.Succeeded)
        {
            console.Write(table);
        }

        var totals = runs.Select(r => r.TotalMs).ToList();
        var failedRuns = runs.Count(r => !r.Succeeded);
        stderr.WriteLine(many
            ? string.Create(CultureInfo.InvariantCulture,
                $"pipeline {report.Spec.Name}: {runs.Count - failedRuns}/{runs.Count} runs succeeded; run p50 {RunReport.Percentile(totals, 50):F1} ms, p95 {RunReport.Percentile(totals, 95):F1} ms ({report.Services})")
            : string.Create(CultureInfo.InvariantCulture,
                $"pipeline {report.Spec.Name}: {runs[0].Phase} in {runs[0].TotalMs:F1} ms ({report.Services})"));
        WriteFailures(stderr, runs);
        if (!many && !quiet)
        {
            foreach (var (step, port, uri) in runs[0].Steps.SelectMany(s => s.Outputs.Select(o => (s.Name, o.Key, o.Value))))
            {
                stderr.WriteLine($"  {step}.{port}: {RunReport.Display(uri)}");
            }
        }
    }

    private static void WriteFailures(TextWriter stderr, IReadOnlyList<PipelineRunResult> runs)
    {
        var failures = runs
            .SelectMany(r => r.Steps.Where(s => s.Phase == StepPhase.Failed)
                .Select(s => (Input: r.Parameters.GetValueOrDefault(RunInputs.ParameterName), Step: s)))
            .ToList();
        foreach (var (input, step) in failures.Take(MaxFailuresShown))
        {
            stderr.WriteLine(runs.Count > 1 && input is not null
                ? $"error: {input}: {step.Message}"
                : $"error: {step.Message}");
        }

        if (failures.Count > MaxFailuresShown)
        {
            stderr.WriteLine($"error: ... and {failures.Count - MaxFailuresShown} more failed steps (--output json lists all)");
        }

        var hint = failures.Select(f => f.Step.FailureCode).Distinct().ToList() switch
        {
            [ExitCode.Unavailable] => "hint: is a service listening there? leave --services out to start them in this process, or start them with `argoflow serve`",
            [ExitCode.InvalidInput] => "hint: the services refused the input or a parameter; check the file and the -p values",
            _ => null,
        };
        if (hint is not null)
        {
            stderr.WriteLine(hint);
        }
    }

    private static string Status(List<StepRunResult> results, bool many)
    {
        if (!many)
        {
            return results[0].Phase switch
            {
                StepPhase.Succeeded => "[green]Succeeded[/]",
                StepPhase.Failed => "[red]Failed[/]",
                _ => "[yellow]Skipped[/]",
            };
        }

        var ok = results.Count(r => r.Succeeded);
        var failed = results.Count(r => r.Phase == StepPhase.Failed);
        var skipped = results.Count - ok - failed;
        var text = $"{ok}/{results.Count} ok";
        text += failed > 0 ? $", [red]{failed} failed[/]" : string.Empty;
        text += skipped > 0 ? $", [yellow]{skipped} skipped[/]" : string.Empty;
        return text;
    }

    private static string Ms(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
