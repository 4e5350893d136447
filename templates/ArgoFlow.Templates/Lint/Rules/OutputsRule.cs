using System.Text.RegularExpressions;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>
/// validate.go validateOutputs / validateOutputParameter: an output parameter has a value or exactly one valueFrom
/// source, and the source fits the template type (path for container, containerSet and script; jqFilter or jsonPath
/// for resource; parameter or expression for steps and dag); an output artifact has a path only in a leaf template;
/// a literal globalName is a valid parameter name.
/// </summary>
internal sealed partial class OutputsRule : ITemplateRule
{
    private static readonly string[] Sources = ["path", "jqFilter", "jsonPath", "parameter", "expression", "supplied"];

    public void Check(TemplateSite site)
    {
        if (site.Template["outputs"] is not YMapping outputs)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        ArgumentsRule.Each(outputs["parameters"], site.Path + ".outputs.parameters", (parameter, path) =>
        {
            CheckName(site, parameter, path, names);
            CheckParameter(site, parameter, path);
            CheckGlobalName(site, parameter, path);
        });
        names.Clear();
        ArgumentsRule.Each(outputs["artifacts"], site.Path + ".outputs.artifacts", (artifact, path) =>
        {
            CheckName(site, artifact, path, names);
            if (!site.IsLeaf && site.Type is not null && ArgumentsRule.Present(artifact["path"]))
            {
                site.Context.Error(artifact["path"], path + ".path", "is only valid in container and script templates");
            }

            CheckGlobalName(site, artifact, path);
        });
    }

    private static void CheckParameter(TemplateSite site, YMapping parameter, string path)
    {
        var hasValue = ArgumentsRule.Present(parameter["value"]);
        if (parameter["valueFrom"] is not YMapping from)
        {
            if (!hasValue)
            {
                site.Context.Error(parameter, path, "needs a value or valueFrom");
            }

            return;
        }

        if (hasValue)
        {
            site.Context.Error(parameter, path, "has both value and valueFrom; choose one");
            return;
        }

        var given = Sources.Where(k => ArgumentsRule.Present(from[k])).ToList();
        if (given.Count != 1)
        {
            site.Context.Error(from, path + ".valueFrom", given.Count == 0
                ? "needs one of path, jqFilter, jsonPath, parameter, expression, supplied"
                : $"has {string.Join(" and ", given)}; give exactly one");
            return;
        }

        var needed = site.Type switch
        {
            "container" or "containerSet" or "script" when given[0] != "path" => "path",
            "resource" when given[0] is not ("jqFilter" or "jsonPath") => "jqFilter or jsonPath",
            "steps" or "dag" when given[0] is not ("parameter" or "expression") => "parameter or expression",
            _ => null,
        };
        if (needed is not null)
        {
            site.Context.Error(from, path + ".valueFrom", $"a {site.Type} template reads an output parameter from {needed}, not {given[0]}");
        }
    }

    /// <summary>validate.go validateWorkflowFieldNames: output names are given, valid and unique.</summary>
    private static void CheckName(TemplateSite site, YMapping item, string path, HashSet<string> names)
    {
        if (item["name"] is not YScalar { IsNull: false, Value.Length: > 0 } name)
        {
            site.Context.Error(item, path + ".name", "is required");
        }
        else if (!name.Value.Contains("{{", StringComparison.Ordinal) && !ParameterName().IsMatch(name.Value))
        {
            // A name built from tags is checked by Argo only after substitution, so only literal names are checked here.
            site.Context.Error(name, path + ".name", $"'{name.Value}' is not a valid name: letters, digits, '_' and '-'");
        }
        else if (!names.Add(name.Value))
        {
            site.Context.Error(name, path + ".name", $"duplicate output '{name.Value}'");
        }
    }

    private static void CheckGlobalName(TemplateSite site, YMapping item, string path)
    {
        if (item["globalName"] is YScalar { IsNull: false } global && !global.Value.Contains("{{", StringComparison.Ordinal) &&
            !ParameterName().IsMatch(global.Value))
        {
            site.Context.Error(global, path + ".globalName", $"'{global.Value}' is not a valid name: letters, digits, '_' and '-'");
        }
    }

    [GeneratedRegex("^[-a-zA-Z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
