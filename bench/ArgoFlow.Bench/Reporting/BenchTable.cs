using System.Globalization;
using System.Text;
using ArgoFlow.Bench.Statistics;
using ArgoFlow.Cluster.Rendering;

namespace ArgoFlow.Bench.Reporting;

/// <summary>The report as plain text columns for a terminal: modes, ratios, status times, steps, environment, advice.</summary>
public static class BenchTable
{
    public static string Render(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(report.Metric).Append('\n').Append(Distributions(report.Modes, "MODE"));
        if (report.Ratios.Count > 0)
        {
            sb.Append('\n').Append("ratios (median): ")
                .Append(string.Join(", ", report.Ratios.Select(r => $"{r.Name} {Numbers.Ratio(r.Value)}"))).Append('\n');
        }

        if (report.StatusTimes is { Count: > 0 } status)
        {
            sb.Append("\nstatus times (finishedAt - startedAt, 1 s resolution)\n").Append(Distributions(status, "MODE"));
        }

        if (report.Steps.Count > 0)
        {
            sb.Append("\nper step\n").Append(Distributions(report.Steps, "STEP"));
        }

        var env = report.Environment;
        sb.Append(CultureInfo.InvariantCulture, $"\nenvironment: {env.Machine}, {env.Os}, {env.Cores} cores, {env.Runtime}, argoflow {env.Argoflow}\n");
        if (env.Cluster is { } cluster)
        {
            var c = cluster.Controller;
            sb.Append(CultureInfo.InvariantCulture, $"cluster: {cluster.Server} (context {cluster.Context ?? "-"}, namespace {cluster.Namespace})\n");
            sb.Append(c.Readable
                ? $"controller ({c.Namespace}): DEFAULT_REQUEUE_TIME={c.DefaultRequeueTime ?? "unset (10s)"} ARGO_AGENT_PATCH_RATE={c.AgentPatchRate ?? "unset"} ARGO_EXECUTOR_PLUGINS={c.ExecutorPlugins ?? "unset"}\n"
                : $"controller ({c.Namespace}): {c.Problem}\n");
        }

        foreach (var line in report.Advice)
        {
            sb.Append("advice: ").Append(line).Append('\n');
        }

        foreach (var note in report.Notes)
        {
            sb.Append("note: ").Append(note).Append('\n');
        }

        return sb.ToString();
    }

    private static string Distributions(IReadOnlyList<ModeSummary> rows, string first)
    {
        var table = new TextTable(first, "N", "FAIL", "P50", "P90", "P95", "P99", "MEAN", "MIN", "MAX");
        foreach (var m in rows)
        {
            table.Add(m.Name, Numbers.Int(m.N), Numbers.Int(m.Failures), Numbers.Ms(m.P50Ms), Numbers.Ms(m.P90Ms), Numbers.Ms(m.P95Ms),
                Numbers.Ms(m.P99Ms), Numbers.Ms(m.MeanMs), Numbers.Ms(m.MinMs), Numbers.Ms(m.MaxMs));
        }

        return table.ToString();
    }
}
