using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>
/// workflow/common ProcessArgs, which validate.go runs with each step's and task's own arguments: an input
/// parameter of the called template without a value, default or configMapKeyRef must be passed by the caller
/// ("inputs.parameters.X was not supplied"), and so must an input artifact that is not optional and has no location.
/// A Workflow's entrypoint and onExit template take them from spec.arguments; there lint only asks that the
/// parameter be declared, since its value may come at submission.
/// </summary>
internal sealed class InputsSuppliedRule : ICallRule, IDocumentRule
{
    private static readonly string[] EntryKeys = ["entrypoint", "onExit"];

    public void Check(CallSite site)
    {
        if (site.Call["template"] is YScalar { IsNull: false } name && site.Document.Template(name.Value) is { } called)
        {
            CheckSupplied(site.Context, called, name.Value, site.Call["arguments"] as YMapping, site.Call, site.Path + ".arguments");
        }
    }

    public void Check(SpecReadContext context, LintDocument document)
    {
        if (document.Kind is not ("Workflow" or "CronWorkflow") || document.UsesTemplateRef)
        {
            return;
        }

        foreach (var key in EntryKeys)
        {
            if (document.Spec[key] is YScalar { IsNull: false } name && document.Template(name.Value) is { } called)
            {
                CheckSupplied(context, called, name.Value, document.Spec["arguments"] as YMapping, name, document.SpecPath + ".arguments");
            }
        }
    }

    private static void CheckSupplied(SpecReadContext context, YMapping called, string calledName, YMapping? arguments, YNode at, string path)
    {
        var inputs = called["inputs"] as YMapping;
        var given = Names(arguments?["parameters"]);
        ArgumentsRule.Each(inputs?["parameters"], string.Empty, (parameter, _) =>
        {
            if (parameter["name"] is YScalar { IsNull: false } name && !given.Contains(name.Value) &&
                !ArgumentsRule.Present(parameter["value"]) && !ArgumentsRule.Present(parameter["default"]) &&
                (parameter["valueFrom"] as YMapping)?["configMapKeyRef"] is null)
            {
                context.Error(at, path + ".parameters", $"template '{calledName}' needs inputs.parameters.{name.Value}, which has no value or default and is not supplied");
            }
        });
        var givenArtifacts = Names(arguments?["artifacts"]);
        ArgumentsRule.Each(inputs?["artifacts"], string.Empty, (artifact, _) =>
        {
            if (artifact["name"] is YScalar { IsNull: false } name && !givenArtifacts.Contains(name.Value) &&
                artifact["optional"] is not YScalar { AsBool: true } && !HasLocation(artifact))
            {
                context.Error(at, path + ".artifacts", $"template '{calledName}' needs inputs.artifacts.{name.Value}, which is not optional, has no location and is not supplied");
            }
        });
    }

    private static bool HasLocation(YMapping artifact) =>
        ArgumentsRule.ArtifactLocations.Any(k => ArgumentsRule.Present(artifact[k]));

    private static HashSet<string> Names(YNode? list)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        ArgumentsRule.Each(list, string.Empty, (item, _) =>
        {
            if (item["name"] is YScalar { IsNull: false } name)
            {
                names.Add(name.Value);
            }
        });
        return names;
    }
}
