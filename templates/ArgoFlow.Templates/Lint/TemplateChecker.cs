using System.Text.RegularExpressions;
using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>Checks one template: its type, its references to other templates, its DAG or steps, and its tags.</summary>
internal sealed partial class TemplateChecker(
    SpecReadContext context, TagChecker tags, LintDocument document, IReadOnlyDictionary<string, YMapping> templates, YMapping template, string path)
{
    private static readonly string[] CallKeys = ["template", "templateRef", "inline"];

    public static string? CheckName(string name)
    {
        if (name.Length > Names.MaxTemplateName)
        {
            return $"'{name}' is {name.Length} characters; at most {Names.MaxTemplateName} allowed";
        }

        return ArgoName().IsMatch(name) ? null : $"'{name}' is not a valid name: letters, digits and '-', starting with a letter or digit";
    }

    public void Run()
    {
        var inputs = ArgoLinter.ReadParameters(context, template["inputs"] is YMapping i ? i["parameters"] : null, path + ".inputs.parameters");
        var types = ArgoLinter.TemplateTypes.Where(t => template[t] is not null and not YScalar { IsNull: true }).ToList();
        if (types.Count != 1)
        {
            context.Error(template, path, types.Count == 0
                ? $"has no template type; give exactly one of {string.Join(", ", ArgoLinter.TemplateTypes)}"
                : $"has {types.Count} template types ({string.Join(", ", types)}); give exactly one");
        }

        var site = new TemplateSite(context, document, template, path, types.Count == 1 ? types[0] : null);
        foreach (var rule in LintRules.Templates)
        {
            rule.Check(site);
        }

        if (template["plugin"] is YMapping plugin && plugin.Entries.Count != 1)
        {
            context.Error(plugin, path + ".plugin", $"must have exactly one key (the plugin's name), found {plugin.Entries.Count}");
        }

        if (template["http"] is YMapping http && http["url"] is not YScalar { IsNull: false })
        {
            context.Error(http, path + ".http.url", "is required");
        }

        // validate.go validateOutputs runs after the children were added to the scope: a steps or dag template's
        // outputs may read any of its own steps or tasks.
        var outputsScope = new TagScope(inputs);
        if (template["dag"] is YMapping dag)
        {
            var tasks = new DagChecker(context, tags, document, templates, dag, path + ".dag", inputs).Run();
            outputsScope = new TagScope(inputs, AllTasks: tasks);
            Walk(template, path, node => node is not YMapping m || m != dag, inputs, outputsScope);
            return;
        }

        if (template["steps"] is YSequence steps)
        {
            outputsScope = new TagScope(inputs, Steps: CheckSteps(steps, inputs));
        }

        Walk(template, path, _ => true, inputs, outputsScope);
    }

    /// <summary>Checks that a task or step calls an existing template, by exactly one of template, templateRef, inline.</summary>
    public static void CheckCall(SpecReadContext context, IReadOnlyDictionary<string, YMapping> templates, YMapping call, string path)
    {
        var ways = CallKeys.Where(k => call[k] is not null and not YScalar { IsNull: true }).ToList();
        if (ways.Count != 1)
        {
            context.Error(call, path, "must give exactly one of template, templateRef, inline");
        }
        else if (call["template"] is YScalar { IsNull: false } name && !templates.ContainsKey(name.Value))
        {
            context.Error(name, path + ".template", $"template '{name.Value}' does not exist{DidYouMean.Suffix(name.Value, templates.Keys)}");
        }
    }

    private HashSet<string> CheckSteps(YSequence groups, HashSet<string> inputs)
    {
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Items.Count; g++)
        {
            var groupPath = SpecReadContext.Index(path + ".steps", g);
            if (context.Sequence(groups.Items[g], groupPath) is not { } group)
            {
                continue;
            }

            var names = new List<string>();
            for (var s = 0; s < group.Items.Count; s++)
            {
                var stepPath = SpecReadContext.Index(groupPath, s);
                if (context.Mapping(group.Items[s], stepPath) is not { } step)
                {
                    continue;
                }

                string? name = null;
                if (context.Text(step["name"], stepPath + ".name", required: true, parent: step) is { } text)
                {
                    name = text;
                    if (CheckName(text) is { } problem)
                    {
                        context.Error(step["name"], stepPath + ".name", problem);
                    }
                    else if (earlier.Contains(text) || names.Contains(text))
                    {
                        // validate.go validateSteps: step names are unique across all groups of the template.
                        context.Error(step["name"], stepPath + ".name", $"duplicate step name '{text}'");
                    }

                    names.Add(text);
                }

                CheckCall(context, templates, step, stepPath);
                var call = new CallSite(context, document, step, stepPath, InDag: false);
                foreach (var rule in LintRules.Calls)
                {
                    rule.Check(call);
                }

                CheckStepTags(step, stepPath, name, inputs, earlier);
            }

            earlier.UnionWith(names);
        }

        return earlier;
    }

    /// <summary>
    /// A step reads steps of earlier groups; its hooks (validate.go: HasExitHook adds the step's own outputs to the
    /// scope) may also read the step itself, since they run after it.
    /// </summary>
    private void CheckStepTags(YMapping step, string stepPath, string? name, HashSet<string> inputs, HashSet<string> earlier)
    {
        var withSelf = name is null ? earlier : [.. earlier, name];
        var items = LoopItems.Keys(step);
        foreach (var (key, value) in step.Entries)
        {
            var scope = new TagScope(inputs, Steps: key.Value == "hooks" ? withSelf : earlier, Items: items);
            tags.CheckTree(value, stepPath + "." + key.Value, scope);
        }
    }

    private void Walk(YMapping node, string basePath, Func<YNode, bool> include, HashSet<string> inputs, TagScope outputsScope)
    {
        foreach (var (key, value) in node.Entries)
        {
            if (key.Value != "steps" && include(value))
            {
                tags.CheckTree(value, basePath + "." + key.Value, key.Value == "outputs" ? outputsScope : new TagScope(inputs));
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9][-a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ArgoName();
}
