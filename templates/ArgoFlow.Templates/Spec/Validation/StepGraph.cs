using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>
/// Resolves the order of the steps: <c>dependsOn</c> names (or the previous step when it is absent), every step an
/// input reads from, cycle detection, and a topological order that keeps the file's order where it can.
/// </summary>
internal sealed class StepGraph(SpecReadContext context, IReadOnlyList<RawStep> steps)
{
    private readonly Dictionary<string, RawStep> _byName = new(StringComparer.Ordinal);

    public Dictionary<RawStep, List<string>> Dependencies { get; } = [];

    public RawStep? Find(string name) => _byName.GetValueOrDefault(name);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public void IndexNames()
    {
        foreach (var step in steps.Where(s => s.Name.Length > 0))
        {
            if (_byName.TryGetValue(step.Name, out var first))
            {
                context.Error(step.NameNode, step.Path + ".name",
                    $"duplicate step name '{step.Name}' (first used by {first.Path} at line {first.Node.Line})");
            }
            else
            {
                _byName[step.Name] = step;
            }
        }
    }

    public void ReadDependencies()
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var deps = new List<string>();
            Dependencies[step] = deps;
            if (step.DependsOnNode is null)
            {
                if (i > 0 && steps[i - 1].Name.Length > 0)
                {
                    deps.Add(steps[i - 1].Name);
                }

                continue;
            }

            var path = step.Path + ".dependsOn";
            var items = step.DependsOnNode switch
            {
                YSequence sequence => sequence.Items,
                YScalar { IsNull: true } => [],
                YScalar scalar => [scalar],
                _ => null,
            };
            if (items is null)
            {
                context.Error(step.DependsOnNode, path, "expected a list of step names");
                continue;
            }

            for (var j = 0; j < items.Count; j++)
            {
                var itemPath = items.Count == 1 && step.DependsOnNode is YScalar ? path : SpecReadContext.Index(path, j);
                if (items[j] is not YScalar { IsNull: false } item)
                {
                    context.Error(items[j], itemPath, "expected a step name, found " + items[j].Describe());
                }
                else if (item.Value == step.Name)
                {
                    context.Error(item, itemPath, $"step '{step.Name}' cannot depend on itself");
                }
                else if (!_byName.ContainsKey(item.Value))
                {
                    context.Error(item, itemPath,
                        $"unknown step '{item.Value}'{DidYouMean.Suffix(item.Value, _byName.Keys)}");
                }
                else if (deps.Contains(item.Value))
                {
                    context.Error(item, itemPath, $"'{item.Value}' is listed twice");
                }
                else
                {
                    deps.Add(item.Value);
                }
            }
        }
    }

    public bool IsAncestor(string candidate, RawStep step)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(Dependencies[step]);
        while (stack.Count > 0)
        {
            var name = stack.Pop();
            if (name == candidate)
            {
                return true;
            }

            if (seen.Add(name) && _byName.TryGetValue(name, out var dep))
            {
                foreach (var next in Dependencies[dep])
                {
                    stack.Push(next);
                }
            }
        }

        return false;
    }

    /// <summary>Steps in dependency order (file order among ready steps); null after reporting a cycle.</summary>
    public List<RawStep>? TopologicalOrder()
    {
        var unique = steps.Where(s => s.Name.Length > 0 && _byName[s.Name] == s).ToList();
        var remaining = unique.ToDictionary(s => s, s => Dependencies[s].Count(d => _byName.ContainsKey(d)));
        var order = new List<RawStep>(unique.Count);
        var ready = new SortedSet<int>(unique.Where(s => remaining[s] == 0).Select(s => s.Index));
        var byIndex = unique.ToDictionary(s => s.Index);
        while (ready.Count > 0)
        {
            var next = byIndex[ready.Min];
            ready.Remove(next.Index);
            order.Add(next);
            foreach (var dependent in unique.Where(s => Dependencies[s].Contains(next.Name)))
            {
                if (--remaining[dependent] == 0)
                {
                    ready.Add(dependent.Index);
                }
            }
        }

        if (order.Count == unique.Count)
        {
            return order;
        }

        ReportCycle(unique.Where(s => !order.Contains(s)).ToList());
        return null;
    }

    private void ReportCycle(List<RawStep> stuck)
    {
        var stuckNames = stuck.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var start = stuck[0];
        var path = new List<string> { start.Name };
        var current = start;
        while (true)
        {
            var next = Dependencies[current].First(stuckNames.Contains);
            var at = path.IndexOf(next);
            if (at >= 0)
            {
                var cycle = path.Skip(at).Append(next).ToList();
                var first = _byName[cycle[0]];
                context.Error(first.DependsOnNode ?? first.Node, first.Path + ".dependsOn",
                    $"dependency cycle: {string.Join(" -> ", cycle.AsEnumerable().Reverse())}");
                return;
            }

            path.Add(next);
            current = _byName[next];
        }
    }
}
