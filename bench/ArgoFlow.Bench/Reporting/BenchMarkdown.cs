using System.Globalization;
using System.Text;

namespace ArgoFlow.Bench.Reporting;

/// <summary>The report as Markdown (`--report FILE.md`): settings, environment, the modes table, ratios, step breakdowns, failures.</summary>
public static class BenchMarkdown
{
    public static string Write(BenchReport report, string? command = null, string? chartFile = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var s = report.Settings;
        var e = report.Environment;
        Line(md, $"# Benchmark: {report.Pipeline} ({report.Kind})");
        md.AppendLine();
        if (command is not null)
        {
            Line(md, $"```\n{command}\n```");
            md.AppendLine();
        }

        Line(md, $"{s.Iterations} measured {(s.Iterations == 1 ? "run" : "runs")} per mode after {s.Warmup} warm-up {(s.Warmup == 1 ? "run" : "runs")}, concurrency {s.Concurrency}, modes interleaved; input {string.Join(", ", s.Inputs)}.");
        Line(md, $"Machine {e.Machine}: {e.Cpu}, {e.Cores} cores, {e.Os}, {e.Runtime}; ArgoFlow {e.ArgoFlow}, ONNX Runtime {e.OnnxRuntime}, OpenCV {e.OpenCv}.");
        md.AppendLine();
        Line(md, $"| mode | n | ok | failed | min | mean | p50 | p90 | p95 | p99 | max | pipelines/s | p95 <= {BenchTable.Ms(s.TargetMs)} |");
        md.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var m in report.Modes)
        {
            Line(md, $"| {m.Name} | {m.N} | {m.Successes} | {m.Failures} | {BenchTable.Ms(m.MinMs)} | {BenchTable.Ms(m.MeanMs)} | {BenchTable.Ms(m.P50Ms)} | {BenchTable.Ms(m.P90Ms)} | {BenchTable.Ms(m.P95Ms)} | {BenchTable.Ms(m.P99Ms)} | {BenchTable.Ms(m.MaxMs)} | {m.ThroughputPerSecond:0.0} | {(m.Target.Met ? "met" : "**missed**")} |");
        }

        md.AppendLine();
        foreach (var m in report.Modes)
        {
            Line(md, $"- **{m.Name}**: {m.Description}");
        }

        if (report.Ratios.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| ratio | p50 | p95 |");
            md.AppendLine("|---|--:|--:|");
            foreach (var r in report.Ratios)
            {
                Line(md, $"| {r.Numerator} / {r.Denominator} | {BenchTable.Times(r.P50)} | {BenchTable.Times(r.P95)} |");
            }
        }

        foreach (var m in report.Modes.Where(m => m.Steps.Count > 0))
        {
            md.AppendLine();
            Line(md, $"{m.Name}, per step (medians, ms):");
            md.AppendLine();
            md.AppendLine("| step | download | decode | process | encode | upload | service | caller | overhead |");
            md.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
            foreach (var st in m.Steps)
            {
                Line(md, $"| {st.Name} | {st.DownloadMs:0.00} | {st.DecodeMs:0.00} | {st.ProcessMs:0.00} | {st.EncodeMs:0.00} | {st.UploadMs:0.00} | {st.ServiceMs:0.00} | {st.ClientMs:0.00} | {st.OverheadMs:0.00} |");
            }
        }

        foreach (var m in report.Modes.Where(m => m.Errors.Count > 0))
        {
            md.AppendLine();
            Line(md, $"{m.Name} failures:");
            foreach (var error in m.Errors)
            {
                Line(md, $"- {error.Count} x `{error.Message}`");
            }
        }

        if (report.Cluster is { } cluster)
        {
            ClusterReportText.AppendMarkdown(md, cluster);
        }

        if (chartFile is not null)
        {
            md.AppendLine();
            Line(md, $"![latency distribution]({chartFile})");
        }

        return md.ToString();
    }

    private static void Line(StringBuilder md, FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
}
