using System.Globalization;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Runner;
using Spectre.Console;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// The human summary on stderr: the per-step table (<see cref="RunTable"/>), the outcome and where the services
/// ran, each failure with its cause, the detections per class of every detect step, and the files written (listed
/// when few, else counted per folder). With -o json only the outcome and failures: stdout has the rest.
/// </summary>
internal static class RunSummary
{
    private const int MaxFailuresShown = 10;

    /// <summary>Files listed one per line up to this many; beyond it the folders and counts (a folder of photos, --repeat).</summary>
    private const int MaxFilesListed = 10;

    /// <param name="stderr">Where the summary goes.</param>
    /// <param name="report">The runs.</param>
    /// <param name="quiet">-o json: results are on stdout; the table only when something failed.</param>
    /// <param name="width">The console width; null: the terminal's (or unbounded for a file or pipe).</param>
    public static void Write(TextWriter stderr, RunReport report, bool quiet, int? width = null)
    {
        var console = RunConsole.For(stderr, width);
        var runs = report.Runs;
        var many = runs.Count > 1;
        if (!quiet || !report.Succeeded)
        {
            console.Write(RunTable.Build(runs, console));
        }

        var totals = runs.Select(r => r.TotalMs).ToList();
        var failedRuns = runs.Count(r => !r.Succeeded);
        // Plain text through the console: a line longer than the terminal wraps between words, not inside them.
        Line(console, many
            ? string.Create(CultureInfo.InvariantCulture,
                $"pipeline {report.Spec.Name}: {runs.Count - failedRuns}/{runs.Count} runs succeeded; run p50 {RunReport.Percentile(totals, 50):F1} ms, p95 {RunReport.Percentile(totals, 95):F1} ms")
            : string.Create(CultureInfo.InvariantCulture, $"pipeline {report.Spec.Name}: {runs[0].Phase} in {runs[0].TotalMs:F1} ms"));
        Line(console, $"ran on {report.Services}");
        WriteFailures(stderr, runs);
        if (!quiet)
        {
            var findings = RunFindings.Of(report);
            WriteDetections(console, findings, runs.Count);
            WriteFiles(stderr, findings);
        }
    }

    private static void WriteDetections(IAnsiConsole console, RunFindings findings, int runs)
    {
        foreach (var step in findings.Detections)
        {
            var classes = step.Classes.Count == 0
                ? "nothing found"
                : string.Join(", ", step.Classes.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
            var over = runs > 1 ? $" (total over {step.Runs} {(step.Runs == 1 ? "run" : "runs")})" : string.Empty;
            Line(console, $"{step.Step}: {classes}{over}");
        }
    }

    /// <summary>Paths go straight to the writer: a hard line break inside a path would spoil copying it.</summary>
    private static void WriteFiles(TextWriter stderr, RunFindings findings)
    {
        var files = findings.Files;
        if (files.Count == 0)
        {
            return;
        }

        if (files.Count <= MaxFilesListed)
        {
            stderr.WriteLine($"files written ({files.Count}):");
            foreach (var file in files)
            {
                stderr.WriteLine($"  {file.Step}.{file.Port}: {file.Path}");
            }

            return;
        }

        foreach (var (folder, count) in findings.Folders())
        {
            stderr.WriteLine($"files written: {count} in {folder}");
        }
    }

    private static void Line(IAnsiConsole console, string text) => console.Write(new Text(text + Environment.NewLine));

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
}
