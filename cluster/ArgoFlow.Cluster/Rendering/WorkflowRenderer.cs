using System.Text;
using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Submit;
using ArgoFlow.Cluster.Watch;

namespace ArgoFlow.Cluster.Rendering;

/// <summary>
/// The human view of a workflow (`argoflow get`, the end of `submit --wait`): a header like `argo get`, the steps
/// with status and observed durations, and each step's result. Wide adds node ids and the full results.
/// </summary>
public static class WorkflowRenderer
{
    /// <param name="agent">Where the http and plugin steps ran (`get`); null leaves the line out.</param>
    public static string Describe(Workflow workflow, ObservationRecord? observed, bool wide, Controller.AgentRoute? agent = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var sb = new StringBuilder();
        var status = workflow.Status;
        Field(sb, "Name", workflow.DisplayName);
        Field(sb, "Namespace", workflow.Metadata.Namespace ?? "-");
        if (workflow.Metadata.Labels?.GetValueOrDefault(WorkflowFactory.TemplateLabel) is { } template)
        {
            Field(sb, "Template", template);
        }

        Field(sb, "ServiceAccount", workflow.Spec.ServiceAccountName ?? "-");
        Field(sb, "Status", status?.Phase ?? WorkflowPhase.Pending);
        if (!string.IsNullOrEmpty(status?.Message))
        {
            Field(sb, "Message", status.Message);
        }

        Field(sb, "Created", Durations.Time(workflow.Metadata.CreationTimestamp));
        Field(sb, "Started", Durations.Time(status?.StartedAt));
        Field(sb, "Finished", Durations.Time(status?.FinishedAt));
        var duration = Durations.Format(Durations.Between(status?.StartedAt, status?.FinishedAt));
        if (observed?.WallTime is { } wall)
        {
            duration += $" (observed {Durations.Format(wall)} from submit)";
        }

        Field(sb, "Duration", duration);
        if (!string.IsNullOrEmpty(status?.Progress))
        {
            Field(sb, "Progress", status.Progress);
        }

        if (agent is not null)
        {
            Field(sb, "Agent", agent.Describe());
        }

        var parameters = workflow.Spec.Arguments?.Parameters ?? [];
        if (parameters.Count > 0)
        {
            sb.Append("Parameters:\n");
            foreach (var p in parameters)
            {
                sb.Append("  ").Append(p.Name).Append(": ").Append(p.Value ?? p.Default ?? "").Append('\n');
            }
        }

        var rows = StepRow.From(workflow, observed);
        if (rows.Count > 0)
        {
            sb.Append('\n').Append(Steps(rows, wide));
            sb.Append('\n').Append(Results(rows, wide));
        }

        return sb.ToString();
    }

    private static string Steps(IReadOnlyList<StepRow> rows, bool wide)
    {
        var table = wide
            ? new TextTable("STEP", "TEMPLATE", "TYPE", "PHASE", "STARTED", "FINISHED", "DURATION", "OBSERVED", "NODE", "MESSAGE")
            : new TextTable("STEP", "TEMPLATE", "TYPE", "PHASE", "STARTED", "DURATION", "OBSERVED", "MESSAGE");
        foreach (var r in rows)
        {
            string[] common = [r.Name, r.Node.TemplateName ?? "-", r.Node.Type ?? "-", r.Node.Phase ?? "-", Durations.Clock(r.Node.StartedAt)];
            table.Add(wide
                ? [.. common, Durations.Clock(r.Node.FinishedAt), Durations.Format(r.StatusDuration), Durations.Format(r.ObservedDuration), r.Id, r.Node.Message ?? ""]
                : [.. common, Durations.Format(r.StatusDuration), Durations.Format(r.ObservedDuration), r.Node.Message ?? ""]);
        }

        return table.ToString();
    }

    private static string Results(IReadOnlyList<StepRow> rows, bool wide)
    {
        var table = new TextTable("STEP", "RESULT");
        foreach (var r in rows.Where(r => r.Result is not null))
        {
            table.Add(r.Name, wide ? r.Result!.ReplaceLineEndings(" ") : ResultSummary.Summarize(r.Result));
        }

        return table.Count == 0 ? "" : table.ToString();
    }

    private static void Field(StringBuilder sb, string name, string value) =>
        sb.Append((name + ":").PadRight(16)).Append(value).Append('\n');
}
