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

        CheckWritable("--report", parse.GetValue(options.Report));
        CheckWritable("--chart", parse.GetValue(options.Chart));
    }

    /// <summary>The file's folder must exist and take a new file, or the whole benchmark would run for nothing.</summary>
    private static void CheckWritable(string flag, string? file)
    {
        if (file is null)
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        if (!Directory.Exists(folder))
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"{flag} {file}: the folder {folder} does not exist",
                $"create it first (mkdir -p {folder}) or write the file elsewhere");
        }

        var probe = Path.Combine(folder, $".argoflow-write-check-{Environment.ProcessId}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"{flag} {file}: cannot write in {folder}: {ex.Message}");
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
