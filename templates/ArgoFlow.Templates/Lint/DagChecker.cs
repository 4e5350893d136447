using System.Text.RegularExpressions;
using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>
/// Checks a DAG: task names valid and unique, at most 200 tasks, each calls an existing template, every name in
/// <c>dependencies</c> / <c>depends</c> exists, no cycle, the DAG-wide rules of validate.go validateDAG (one
/// dependency style, digits, continueOn, items-based conditions, targets), and each task's tags only read tasks it
/// depends on. Each task also goes through the call rules of <see cref="LintRules"/>.
/// </summary>
internal sealed partial class DagChecker(
    SpecReadContext context, TagChecker tags, LintDocument document, IReadOnlyDictionary<string, YMapping> templates, YMapping dag, string path,
    IReadOnlySet<string> inputs)
{
    private readonly Dictionary<string, (YMapping Task, string Path)> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _deps = new(StringComparer.Ordinal);

    /// <summary>Checks the DAG and returns its task names (a dag template's outputs may read any of them).</summary>
    public HashSet<string> Run()
    {
        if (context.Sequence(dag["tasks"], path + ".tasks") is not { Items.Count: > 0 } tasks)
        {
            context.Error(dag, path + ".tasks", "needs at least one task");
            return [];
        }

        if (tasks.Items.Count > ArgoApi.MaxTemplates)
        {
            context.Error(tasks, path + ".tasks", $"{tasks.Items.Count} tasks; Argo allows at most {ArgoApi.MaxTemplates} per DAG");
        }

        // validate.go validateDAG: one task using 'depends' switches the whole DAG to depends.
        var usingDepends = tasks.Items.OfType<YMapping>().Any(t => t["depends"] is YScalar { IsNull: false, Value.Length: > 0 });
        for (var i = 0; i < tasks.Items.Count; i++)
        {
            var taskPath = SpecReadContext.Index(path + ".tasks", i);
            if (context.Mapping(tasks.Items[i], taskPath) is not { } task ||
                context.Text(task["name"], taskPath + ".name", required: true, parent: task) is not { } name)
            {
                continue;
            }

            if (TemplateChecker.CheckName(name) is { } problem)
            {
                context.Error(task["name"], taskPath + ".name", problem);
            }
            else if (!_tasks.TryAdd(name, (task, taskPath)))
            {
                context.Error(task["name"], taskPath + ".name", $"duplicate task name '{name}'");
            }

            TemplateChecker.CheckCall(context, templates, task, taskPath);
            var call = new CallSite(context, document, task, taskPath, InDag: true);
            foreach (var rule in LintRules.Calls)
            {
                rule.Check(call);
            }

            CheckDependencyStyle(task, taskPath, name, usingDepends);
        }

        foreach (var (name, (task, taskPath)) in _tasks)
        {
            _deps[name] = Dependencies(task, taskPath, name);
        }

        CheckTargets();
        var all = _tasks.Keys.ToHashSet(StringComparer.Ordinal);
        if (!ReportCycle())
        {
            foreach (var (name, (task, taskPath)) in _tasks)
            {
                CheckTaskTags(task, taskPath, name, all);
            }
        }

        return all;
    }

    private void CheckDependencyStyle(YMapping task, string taskPath, string name, bool usingDepends)
    {
        var hasDependencies = task["dependencies"] is YSequence { Items.Count: > 0 };
        if (usingDepends && hasDependencies)
        {
            context.Error(task["dependencies"], taskPath + ".dependencies", "cannot use both 'depends' and 'dependencies' in the same DAG");
        }

        if ((usingDepends || hasDependencies) && char.IsAsciiDigit(name[0]))
        {
            context.Error(task["name"], taskPath + ".name", $"'{name}' begins with a digit, which Argo rejects in a DAG that uses depends or dependencies");
        }

        if (usingDepends && task["continueOn"] is YMapping continueOn)
        {
            context.Error(continueOn, taskPath + ".continueOn", "cannot be used with 'depends'; write the condition in depends instead (e.g. 'a.Failed')");
        }
    }

    /// <summary>validate.go validateDAGTargets: each space-separated name in target is a task of this DAG.</summary>
    private void CheckTargets()
    {
        if (dag["target"] is not YScalar { IsNull: false } target)
        {
            return;
        }

        foreach (var name in target.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!name.Contains("{{", StringComparison.Ordinal) && !_tasks.ContainsKey(name))
            {
                context.Error(target, path + ".target", $"target '{name}' is not a task of this DAG{DidYouMean.Suffix(name, _tasks.Keys)}");
            }
        }
    }

    /// <summary>A task reads the tasks it depends on; its hooks may also read the task itself (they run after it).</summary>
    private void CheckTaskTags(YMapping task, string taskPath, string name, HashSet<string> all)
    {
        var ancestors = Ancestors(name);
        var items = LoopItems.Keys(task);
        foreach (var (key, value) in task.Entries)
        {
            var visible = key.Value == "hooks" ? [.. ancestors, name] : ancestors;
            tags.CheckTree(value, taskPath + "." + key.Value, new TagScope(inputs, visible, all, Items: items));
        }
    }

    private List<string> Dependencies(YMapping task, string taskPath, string self)
    {
        var found = new List<(string Name, YNode Node, string Path)>();
        if (context.Sequence(task["dependencies"], taskPath + ".dependencies") is { } list)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is YScalar { IsNull: false } item)
                {
                    found.Add((item.Value, item, SpecReadContext.Index(taskPath + ".dependencies", i)));
                }
            }
        }

        if (task["depends"] is YScalar { IsNull: false } depends)
        {
            foreach (Match match in DependsName().Matches(depends.Value))
            {
                found.Add((match.Groups[1].Value, depends, taskPath + ".depends"));
            }

            // validate.go validateDAG: .AnySucceeded / .AllFailed only make sense on a task that loops.
            foreach (Match match in ItemsCondition().Matches(depends.Value))
            {
                if (_tasks.TryGetValue(match.Groups[1].Value, out var dependency) &&
                    !Rules.LoopRule.LoopKeys.Any(k => Rules.ArgumentsRule.Present(dependency.Task[k])))
                {
                    context.Error(depends, taskPath + ".depends",
                        $"'{match.Value}' is an items-based condition, but task '{match.Groups[1].Value}' has no withItems, withParam or withSequence");
                }
            }
        }

        var result = new List<string>();
        foreach (var (name, node, itemPath) in found)
        {
            if (name == self)
            {
                context.Error(node, itemPath, $"task '{self}' cannot depend on itself");
            }
            else if (!_tasks.ContainsKey(name))
            {
                context.Error(node, itemPath, $"task '{name}' does not exist{DidYouMean.Suffix(name, _tasks.Keys)}");
            }
            else if (!result.Contains(name))
            {
                result.Add(name);
            }
        }

        return result;
    }

    private HashSet<string> Ancestors(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(_deps[name]);
        while (stack.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                _deps[next].ForEach(stack.Push);
            }
        }

        return seen;
    }

    private bool ReportCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var trail = new List<string>();
        foreach (var name in _tasks.Keys)
        {
            if (Visit(name, state, trail) is { } cycle)
            {
                var (task, taskPath) = _tasks[cycle[0]];
                context.Error(task, taskPath, $"dependency cycle: {string.Join(" -> ", cycle)}");
                return true;
            }
        }

        return false;
    }

    private List<string>? Visit(string name, Dictionary<string, int> state, List<string> trail)
    {
        if (state.GetValueOrDefault(name) == 2)
        {
            return null;
        }

        if (state.GetValueOrDefault(name) == 1)
        {
            return [.. trail.Skip(trail.IndexOf(name)), name];
        }

        state[name] = 1;
        trail.Add(name);
        foreach (var dep in _deps[name])
        {
            if (Visit(dep, state, trail) is { } cycle)
            {
                return cycle;
            }
        }

        trail.RemoveAt(trail.Count - 1);
        state[name] = 2;
        return null;
    }

    /// <summary>Task names in a depends expression: words not preceded by '.', optionally followed by .Result.</summary>
    [GeneratedRegex(@"(?<![.\w-])([a-zA-Z0-9][-a-zA-Z0-9]*)(?=\s*(\.|\)|&&|\|\||$))", RegexOptions.CultureInvariant)]
    private static partial Regex DependsName();

    [GeneratedRegex(@"(?<![.\w-])([a-zA-Z0-9][-a-zA-Z0-9]*)\.(AnySucceeded|AllFailed)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ItemsCondition();
}
