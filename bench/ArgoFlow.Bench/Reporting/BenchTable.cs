using System.Globalization;
using System.Text;

namespace ArgoFlow.Bench.Reporting;

/// <summary>The report as plain text tables for a terminal: modes, ratios, per-step breakdown and the target check.</summary>
public static class BenchTable
{
    public static string Write(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var s = report.Settings;
        text.AppendLine(Invariant($"pipeline {report.Pipeline}: {s.Iterations} {(s.Iterations == 1 ? "run" : "runs")} per mode after {s.Warmup} warm-up {(s.Warmup == 1 ? "run" : "runs")}, concurrency {s.Concurrency}, input {string.Join(", ", s.Inputs)}"));
        text.AppendLine();
        var throughput = s.Concurrency > 1;
        var header = new List<string> { "mode", "n", "ok", "fail", "min", "mean", "p50", "p90", "p95", "p99", "max" };
        if (throughput)
        {
            header.Add("pipelines/s");
        }

        header.Add(Invariant($"target p95 <= {Ms(s.TargetMs)}"));
        var rows = report.Modes.Select(m =>
        {
            var row = new List<string>
            {
                m.Name, Num(m.N), Num(m.Successes), Num(m.Failures), Ms(m.MinMs), Ms(m.MeanMs), Ms(m.P50Ms), Ms(m.P90Ms),
                Ms(m.P95Ms), Ms(m.P99Ms), Ms(m.MaxMs),
            };
            if (throughput)
            {
                row.Add(m.ThroughputPerSecond.ToString("0.0", CultureInfo.InvariantCulture));
            }

            row.Add(m.Target.Met ? "met" : "MISSED");
            return (IReadOnlyList<string>)row;
        }).ToList();
        TextGrid.Append(text, header, rows);

        if (report.Ratios.Count > 0)
        {
            text.AppendLine();
            TextGrid.Append(text, ["ratio", "p50", "p95"], report.Ratios
                .Select(r => (IReadOnlyList<string>)[$"{r.Numerator} / {r.Denominator}", Times(r.P50), Times(r.P95)]).ToList());
        }

        foreach (var mode in report.Modes.Where(m => m.Steps.Count > 0))
        {
            text.AppendLine();
            text.AppendLine(Invariant($"{mode.Name} per step (medians): {mode.Description}"));
            TextGrid.Append(text, ["step", "download", "decode", "process", "encode", "upload", "service", "caller", "overhead"],
                mode.Steps.Select(st => (IReadOnlyList<string>)
                    [st.Name, Ms(st.DownloadMs), Ms(st.DecodeMs), Ms(st.ProcessMs), Ms(st.EncodeMs), Ms(st.UploadMs), Ms(st.ServiceMs), Ms(st.ClientMs), Ms(st.OverheadMs)]).ToList());
        }

        foreach (var mode in report.Modes.Where(m => m.Errors.Count > 0))
        {
            text.AppendLine();
            text.AppendLine(Invariant($"{mode.Name} failures:"));
            foreach (var error in mode.Errors)
            {
                text.AppendLine(Invariant($"  {error.Count} x {error.Message}"));
            }
        }

        if (report.Cluster is { } cluster)
        {
            ClusterReportText.AppendText(text, cluster);
        }

        return text.ToString();
    }

    internal static string Ms(double ms) => ms >= 100
        ? ms.ToString("0", CultureInfo.InvariantCulture) + " ms"
        : ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    internal static string Times(double ratio) => ratio.ToString("0.0", CultureInfo.InvariantCulture) + "x";

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
