using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Watch;

namespace ArgoFlow.Cluster.Rendering;

/// <summary>
/// The --watch view on stderr: one line whenever the workflow or a step changes phase (start time, duration,
/// message), so it reads the same in a terminal, a CI log or a pipe.
/// </summary>
public sealed class LiveView : IWatchObserver
{
    private readonly TextWriter _out;
    private readonly Dictionary<string, string?> _phases = new(StringComparer.Ordinal);
    private string? _workflowPhase = "";

    public LiveView(TextWriter output)
    {
        _out = output ?? throw new ArgumentNullException(nameof(output));
    }

    public void OnUpdate(WorkflowSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var status = snapshot.Workflow.Status;
        var phase = status?.Phase ?? WorkflowPhase.Pending;
        foreach (var row in StepRow.From(snapshot.Workflow, null))
        {
            if (_phases.TryGetValue(row.Id, out var seen) && seen == row.Node.Phase)
            {
                continue;
            }

            _phases[row.Id] = row.Node.Phase;
            var detail = WorkflowPhase.IsNodeCompleted(row.Node.Phase)
                ? $"{Durations.Format(row.StatusDuration)}"
                : $"started {Durations.Clock(row.Node.StartedAt)}";
            var message = string.IsNullOrEmpty(row.Node.Message) ? "" : $"  {row.Node.Message}";
            _out.WriteLine($"  {row.Name,-20} {row.Node.Phase,-10} {detail}{message}");
        }

        if (phase != _workflowPhase)
        {
            _workflowPhase = phase;
            var took = WorkflowPhase.IsCompleted(phase)
                ? $" in {Durations.Format(Durations.Between(status?.StartedAt, status?.FinishedAt))}"
                : "";
            var message = string.IsNullOrEmpty(status?.Message) ? "" : $": {status.Message}";
            _out.WriteLine($"{snapshot.Name} {phase}{took}{message}");
        }

        _out.Flush();
    }

    public void OnNotice(string message)
    {
        _out.WriteLine($"  ({message})");
        _out.Flush();
    }
}
