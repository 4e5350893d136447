using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Steps.Runner;

/// <summary>
/// The steps a run executes (all, or a selection that reads nothing outside itself), in an order where every step
/// comes after the steps it depends on.
/// </summary>
internal sealed class RunPlan
{
    private readonly HashSet<string> selectedNames;

    private RunPlan(IReadOnlyList<PipelineStep> selected, IReadOnlyList<PipelineStep> order)
    {
        Selected = selected;
        Order = order;
        selectedNames = selected.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The selected steps in the spec's order.</summary>
    public IReadOnlyList<PipelineStep> Selected { get; }

    /// <summary>The selected steps in dependency order.</summary>
    public IReadOnlyList<PipelineStep> Order { get; }

    public static RunPlan Create(PipelineSpec spec, IReadOnlyCollection<string>? only)
    {
        var selected = SelectSteps(spec, only);
        var names = selected.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var step in selected)
        {
            foreach (var (port, source) in step.Inputs)
            {
                if (source is StepOutputRef r && !names.Contains(r.Step))
                {
                    throw new ArgoFlowException(
                        ExitCode.InvalidInput,
                        $"step '{step.Name}' reads {r} ({port}) but step '{r.Step}' is not part of this run",
                        "select the step it reads from too, or run every step");
                }
            }
        }

        return new RunPlan(selected, TopologicalOrder(selected, names));
    }

    /// <summary>The selected steps <paramref name="step"/> waits for.</summary>
    public IEnumerable<string> DependenciesOf(PipelineStep step) =>
        step.DependsOn.Where(selectedNames.Contains).Distinct(StringComparer.Ordinal);

    private static List<PipelineStep> SelectSteps(PipelineSpec spec, IReadOnlyCollection<string>? only)
    {
        if (only is null || only.Count == 0)
        {
            return [.. spec.Steps];
        }

        var unknown = only.Where(n => spec.FindStep(n) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgoFlowException(
                ExitCode.InvalidInput,
                $"pipeline '{spec.Name}' has no step {string.Join(", ", unknown.Select(u => $"'{u}'"))}",
                $"its steps are: {string.Join(", ", spec.Steps.Select(s => s.Name))}");
        }

        return spec.Steps.Where(s => only.Contains(s.Name, StringComparer.Ordinal)).ToList();
    }

    private static List<PipelineStep> TopologicalOrder(List<PipelineStep> steps, HashSet<string> names)
    {
        var order = new List<PipelineStep>(steps.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (order.Count < steps.Count)
        {
            var ready = steps.Where(s => !done.Contains(s.Name) &&
                s.DependsOn.Where(names.Contains).All(done.Contains)).ToList();
            if (ready.Count == 0)
            {
                var stuck = steps.Where(s => !done.Contains(s.Name)).Select(s => s.Name);
                throw new ArgoFlowException(
                    ExitCode.InvalidInput, $"steps {string.Join(", ", stuck)} depend on each other in a cycle");
            }

            foreach (var step in ready)
            {
                order.Add(step);
                done.Add(step.Name);
            }
        }

        return order;
    }
}
