using System.Globalization;
using ArgoFlow.Steps.Runner;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// The per-step table of `argoflow run` at the console's width: every service stage when it fits, else only the
/// service total and client time, else without the type column, else one line per step. A step name or a status is
/// never wrapped inside a word: the widest layout whose natural width fits is chosen before Spectre would wrap.
/// </summary>
internal static class RunTable
{
    private static readonly string[] Stages = ["download", "decode", "process", "encode", "upload", "total", "client"];

    public static IRenderable Build(IReadOnlyList<PipelineRunResult> runs, IAnsiConsole console)
    {
        var many = runs.Count > 1;
        var rows = runs[0].Steps.Select(s => Row(runs, s.Name, many)).ToList();
        var caption = many ? $"times in ms: medians of the succeeded runs out of {runs.Count}" : null;
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var width = console.Profile.Width;
        foreach (var layout in new[] { Layout.Full, Layout.Compact, Layout.Minimal })
        {
            var table = Table(rows, layout, caption);
            if (((IRenderable)table).Measure(options, int.MaxValue).Max <= width)
            {
                return table;
            }
        }

        return Stacked(rows, caption);
    }

    private enum Layout
    {
        Full,
        Compact,
        Minimal,
    }

    private static Table Table(List<StepRow> rows, Layout layout, string? caption)
    {
        var table = new Table().Border(TableBorder.None).Caption(caption ?? (layout == Layout.Full
            ? "times in ms: service stages, service total, client wall time"
            : "times in ms: service total, client wall time"));
        table.AddColumn(new TableColumn("step").NoWrap());
        if (layout != Layout.Minimal)
        {
            table.AddColumn(new TableColumn("type").NoWrap());
        }

        table.AddColumn(new TableColumn("status").NoWrap());
        table.AddColumn(new TableColumn("tries").RightAligned());
        var stages = layout == Layout.Full ? Stages : ["service", "client"];
        foreach (var stage in stages)
        {
            table.AddColumn(new TableColumn(stage).RightAligned().NoWrap());
        }

        foreach (var row in rows)
        {
            var cells = new List<string> { Markup.Escape(row.Name) };
            if (layout != Layout.Minimal)
            {
                cells.Add(row.Type);
            }

            cells.Add(row.Status);
            cells.Add(row.Tries);
            cells.AddRange(layout == Layout.Full ? row.Times : row.Times[^2..]);
            table.AddRow(cells.ToArray());
        }

        return table;
    }

    /// <summary>The last resort for very long step names: the name on its line, the figures indented below it.</summary>
    private static Rows Stacked(List<StepRow> rows, string? caption)
    {
        var lines = new List<IRenderable>();
        foreach (var row in rows)
        {
            lines.Add(new Text(row.Name));
            lines.Add(new Markup($"  {row.Type} {row.Status}, tries {row.Tries}, service {row.Times[^2]} ms, client {row.Times[^1]} ms"));
        }

        if (caption is not null)
        {
            lines.Add(new Text(caption));
        }

        return new Rows(lines);
    }

    private static StepRow Row(IReadOnlyList<PipelineRunResult> runs, string step, bool many)
    {
        var results = runs.Select(r => r.Find(step)!).ToList();
        var ok = results.Where(r => r.Succeeded).ToList();
        string P50(Func<StepRunResult, double> pick) =>
            RunReport.Percentile(ok.Select(pick), 50).ToString("F1", CultureInfo.InvariantCulture);
        return new StepRow(
            step,
            results[0].Type,
            Status(results, many),
            results.Sum(r => r.Attempts).ToString(CultureInfo.InvariantCulture),
            [
                P50(r => r.Timing.DownloadMs), P50(r => r.Timing.DecodeMs), P50(r => r.Timing.ProcessMs),
                P50(r => r.Timing.EncodeMs), P50(r => r.Timing.UploadMs), P50(r => r.Timing.TotalMs), P50(r => r.ClientMs),
            ]);
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

    /// <param name="Times">download, decode, process, encode, upload, service total, client (ms, formatted).</param>
    private sealed record StepRow(string Name, string Type, string Status, string Tries, string[] Times);
}
