using ArgoFlow.Bench.Statistics;
using ArgoFlow.Core.Errors;
using ScottPlot;

namespace ArgoFlow.Bench.Reporting;

/// <summary>
/// `--chart FILE.svg|png`: one box per mode (p25-p75 box, median line, whiskers at min and max) with every run
/// drawn as a point beside it, so both the spread and the outliers show. ScottPlot, 900x500.
/// </summary>
public static class BenchChart
{
    public static void Save(BenchReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".svg" or ".png"))
        {
            throw new ArgoFlowException(ExitCode.Usage, $"--chart {path}: the file must end in .svg or .png");
        }

        var modes = report.Modes.Where(m => m.SamplesMs.Count > 0).ToList();
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < modes.Count; i++)
        {
            var samples = modes[i].SamplesMs.Order().ToList();
            var box = new Box
            {
                Position = i,
                BoxMin = Percentile.OfSorted(samples, 25),
                BoxMax = Percentile.OfSorted(samples, 75),
                BoxMiddle = Percentile.OfSorted(samples, 50),
                WhiskerMin = samples[0],
                WhiskerMax = samples[^1],
            };
            var boxes = plot.Add.Box(box);
            boxes.FillColor = palette.GetColor(i).WithAlpha(0.4);
            var xs = samples.Select((_, k) => i + 0.3 + (0.1 * ((k % 5) - 2) / 2)).ToArray();
            plot.Add.Markers(xs, samples.ToArray(), MarkerShape.FilledCircle, 4, palette.GetColor(i));
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, modes.Count).Select(i => (double)i).ToArray(), modes.Select(m => m.Name).ToArray());
        plot.Axes.SetLimitsX(-0.7, Math.Max(modes.Count, 1) - 0.3);
        plot.Title($"ArgoFlow {report.Kind} benchmark");
        plot.YLabel("milliseconds");
        plot.XLabel(report.Metric);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        if (extension == ".svg")
        {
            plot.SaveSvg(path, 900, 500);
        }
        else
        {
            plot.SavePng(path, 900, 500);
        }
    }
}
