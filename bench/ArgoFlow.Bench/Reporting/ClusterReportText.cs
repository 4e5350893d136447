using System.Globalization;
using System.Text;
using ArgoFlow.Cluster.Controller;

namespace ArgoFlow.Bench.Reporting;

/// <summary>The cluster section of the table and the Markdown report: controller settings, advice, status and step times.</summary>
internal static class ClusterReportText
{
    public static void AppendText(StringBuilder text, ClusterReport cluster)
    {
        text.AppendLine();
        text.AppendLine(Invariant($"cluster {cluster.Server} (context {cluster.Context ?? "-"}, namespace {cluster.Namespace})"));
        text.AppendLine(Controller(cluster));
        text.AppendLine();
        text.AppendLine("status times (finishedAt - startedAt, 1-second resolution) and per step:");
        TextGrid.Append(text, ["mode", "step", "source", "n", "min", "p50", "p95", "max"], Rows(cluster));
        foreach (var advice in cluster.Advice)
        {
            text.AppendLine("advice: " + advice);
        }
    }

    public static void AppendMarkdown(StringBuilder md, ClusterReport cluster)
    {
        md.AppendLine();
        md.AppendLine(Invariant($"Cluster {cluster.Server}, context {cluster.Context ?? "-"}, namespace {cluster.Namespace}. {Controller(cluster)}"));
        md.AppendLine();
        md.AppendLine("| mode | step | source | n | min | p50 | p95 | max |");
        md.AppendLine("|---|---|---|--:|--:|--:|--:|--:|");
        foreach (var row in Rows(cluster))
        {
            md.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        if (cluster.Advice.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("What to change to reach 1-3 s:");
            md.AppendLine();
            foreach (var advice in cluster.Advice)
            {
                md.AppendLine("- " + advice);
            }
        }
    }

    private static string Controller(ClusterReport cluster)
    {
        var c = cluster.Controller;
        return c.Readable
            ? Invariant($"workflow-controller ({c.Namespace}): DEFAULT_REQUEUE_TIME={c.DefaultRequeueTime ?? "unset (10s)"}, ARGO_AGENT_PATCH_RATE={c.AgentPatchRate ?? "unset"}, ARGO_EXECUTOR_PLUGINS={c.ExecutorPlugins ?? "unset"}, http/plugin steps run in {AgentPlace(c)}")
            : Invariant($"workflow-controller ({c.Namespace}): {c.Problem}");
    }

    // "Unset" is a fact only when the ConfigMap was read (or is absent); an unreadable one leaves the mode unknown.
    private static string AgentPlace(ControllerSettings c) =>
        c.ExternalAgent ? "the external agent (disableAgentPodCreation=true, no agent pod)"
        : c.ConfigMapProblem is { } problem ? $"an agent pod per workflow unless disableAgentPodCreation is \"true\" (not known: {problem})"
        : c.DisableAgentPodCreation is null ? "an agent pod per workflow (disableAgentPodCreation unset)"
        : $"an agent pod per workflow (disableAgentPodCreation={c.DisableAgentPodCreation})";

    private static List<IReadOnlyList<string>> Rows(ClusterReport cluster) =>
        cluster.StatusTimes.Concat(cluster.Steps)
            .Select(t => (IReadOnlyList<string>)[t.Mode, t.Step ?? "(workflow)", t.Source, t.N.ToString(CultureInfo.InvariantCulture),
                BenchTable.Ms(t.MinMs), BenchTable.Ms(t.P50Ms), BenchTable.Ms(t.P95Ms), BenchTable.Ms(t.MaxMs)])
            .ToList();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
