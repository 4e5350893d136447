using ArgoFlow.Core.Errors;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ArgoFlow.Bench.Reporting;

/// <summary>
/// The latency distribution chart (`--chart FILE.svg|png`): for each mode its sorted latencies against their
/// percentile, on a log-scaled time axis so a 30 ms mode and a 3 s mode are both readable, with the target as a
/// dashed line.
/// </summary>
public static class BenchChart
{
    /// <summary>A log-axis tick (log10 of ms) as milliseconds: whole numbers from 10 up, one decimal below.</summary>
    private static string Label(double log10)
    {
        var ms = Math.Pow(10, log10);
        return ms.ToString(ms >= 10 ? "0" : "0.#", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Save(string path, string title, IReadOnlyList<(string Mode, IReadOnlyList<double> LatenciesMs)> series, double targetMs)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(series);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".svg" or ".png"))
        {
            throw new ArgoFlowException(ExitCode.Usage, $"--chart {path}: the file must end in .svg or .png");
        }

        using var plot = new Plot();
        foreach (var (mode, latencies) in series.Where(s => s.LatenciesMs.Count > 0))
        {
            var sorted = latencies.Where(v => v > 0).Order().ToArray();
            var xs = sorted.Select((_, i) => sorted.Length == 1 ? 50 : 100.0 * i / (sorted.Length - 1)).ToArray();
            var line = plot.Add.Scatter(xs, sorted.Select(Math.Log10).ToArray());
            line.LegendText = $"{mode} (n={sorted.Length})";
            line.MarkerSize = 3;
            line.LineWidth = 2;
        }

        var target = plot.Add.HorizontalLine(Math.Log10(targetMs));
        target.LinePattern = LinePattern.Dashed;
        target.LegendText = $"target {targetMs:0} ms";
        var ticks = new NumericAutomatic { MinorTickGenerator = new LogMinorTickGenerator(), LabelFormatter = Label };
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.Label.Text = "pipeline latency, ms (log scale)";
        plot.Axes.Bottom.Label.Text = "percentile of runs";
        plot.Axes.SetLimitsX(0, 100);
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperLeft);
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            if (extension == ".svg")
            {
                plot.SaveSvg(path, 900, 520);
            }
            else
            {
                plot.SavePng(path, 900, 520);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"--chart {path}: {ex.Message}", null, ex);
        }
    }
}
