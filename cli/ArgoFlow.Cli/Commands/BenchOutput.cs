using System.CommandLine;
using ArgoFlow.Bench.Reporting;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cli.Commands;

/// <summary>Writes a bench report: the table or JSON on stdout, and the --report / --chart files.</summary>
internal static class BenchOutput
{
    /// <summary>Checks the output flags before anything runs, so a typo does not cost a whole benchmark.</summary>
    public static void Check(BenchOptions options, ParseResult parse)
    {
        var format = parse.GetValue(options.Output);
        if (format is not ("table" or "json"))
        {
            throw new ArgoFlowException(ExitCode.Usage, $"--output {format}: expected table or json");
        }

        if (parse.GetValue(options.Chart) is { } chart && Path.GetExtension(chart).ToLowerInvariant() is not (".svg" or ".png"))
        {
            throw new ArgoFlowException(ExitCode.Usage, $"--chart {chart}: the file must end in .svg or .png");
        }
    }

    public static async Task WriteAsync(BenchResult result, BenchOptions options, ParseResult parse)
    {
        var format = parse.GetValue(options.Output);
        var report = result.Report;
        var chart = parse.GetValue(options.Chart);
        if (chart is not null)
        {
            BenchChart.Save(chart, $"ArgoFlow {report.Kind} benchmark: {report.Pipeline}", result.Series, report.Settings.TargetMs);
            await parse.InvocationConfiguration.Error.WriteLineAsync($"chart written to {chart}");
        }

        if (parse.GetValue(options.Report) is { } markdown)
        {
            var chartLink = chart is null ? null : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(markdown))!, Path.GetFullPath(chart));
            await File.WriteAllTextAsync(markdown, BenchMarkdown.Write(report, "argoflow " + string.Join(' ', parse.Tokens.Select(t => t.Value)), chartLink));
            await parse.InvocationConfiguration.Error.WriteLineAsync($"report written to {markdown}");
        }

        var output = parse.InvocationConfiguration.Output;
        await output.WriteAsync(format == "json" ? BenchJson.Write(report) : BenchTable.Write(report));
        await output.FlushAsync();
    }
}
