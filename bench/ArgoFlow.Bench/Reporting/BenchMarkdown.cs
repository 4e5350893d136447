using System.Globalization;
using System.Text;
using ArgoFlow.Bench.Statistics;

namespace ArgoFlow.Bench.Reporting;

/// <summary>`--report FILE.md`: the same content as the table as a Markdown document, with the chart if one was drawn.</summary>
public static class BenchMarkdown
{
    public static string Render(BenchReport report, string? chartPath = null, string? command = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# ArgoFlow {report.Kind} benchmark\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC, ")
            .Append(CultureInfo.InvariantCulture, $"{(report.FinishedAt - report.StartedAt).TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s. {report.Metric}.\n\n");
        if (command is not null)
        {
            sb.Append("```\n").Append(command).Append("\n```\n\n");
        }

        sb.Append(Table(report.Modes, "Mode"));
        if (report.Ratios.Count > 0)
        {
            sb.Append("\nMedian ratios: ").Append(string.Join(", ", report.Ratios.Select(r => $"**{r.Name}** {Numbers.Ratio(r.Value)}"))).Append(".\n");
        }

        if (chartPath is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n![latency per mode]({chartPath})\n");
        }

        if (report.StatusTimes is { Count: > 0 } status)
        {
            sb.Append("\n## Status times\n\nfinishedAt - startedAt from the workflow status (1-second resolution).\n\n").Append(Table(status, "Mode"));
        }

        if (report.Steps.Count > 0)
        {
            sb.Append("\n## Per step\n\n").Append(Table(report.Steps, "Step"));
        }

        sb.Append("\n## Environment\n\n");
        var env = report.Environment;
        sb.Append(CultureInfo.InvariantCulture, $"- machine: {env.Machine} ({env.Cores} cores), {env.Os}\n- runtime: {env.Runtime}, argoflow {env.Argoflow}\n");
        if (env.Cluster is { } cluster)
        {
            var c = cluster.Controller;
            sb.Append(CultureInfo.InvariantCulture, $"- cluster: {cluster.Server}, context {cluster.Context ?? "-"}, namespace {cluster.Namespace}\n");
            sb.Append(c.Readable
                ? $"- workflow-controller ({c.Namespace}): DEFAULT_REQUEUE_TIME={c.DefaultRequeueTime ?? "unset (10s)"}, ARGO_AGENT_PATCH_RATE={c.AgentPatchRate ?? "unset"}, ARGO_EXECUTOR_PLUGINS={c.ExecutorPlugins ?? "unset"}\n"
                : $"- workflow-controller ({c.Namespace}): {c.Problem}\n");
        }

        if (report.Advice.Count > 0)
        {
            sb.Append("\n## What to change\n\n");
            foreach (var line in report.Advice)
            {
                sb.Append("- ").Append(line).Append('\n');
            }
        }

        foreach (var note in report.Notes)
        {
            sb.Append("\n> ").Append(note).Append('\n');
        }

        return sb.ToString();
    }

    private static string Table(IReadOnlyList<ModeSummary> rows, string first)
    {
        var sb = new StringBuilder($"| {first} | n | failures | p50 | p90 | p95 | p99 | mean | min | max |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var m in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {m.Name} | {m.N} | {m.Failures} | {Numbers.Ms(m.P50Ms)} | {Numbers.Ms(m.P90Ms)} | {Numbers.Ms(m.P95Ms)} | {Numbers.Ms(m.P99Ms)} | {Numbers.Ms(m.MeanMs)} | {Numbers.Ms(m.MinMs)} | {Numbers.Ms(m.MaxMs)} |\n");
        }

        return sb.ToString();
    }
}
