using System.Text.RegularExpressions;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>
/// validate.go validateLeaf (resource): a known action, and for every action but get and delete exactly one of
/// manifest and manifestFrom, whose artifact must be one of the template's input artifacts.
/// </summary>
internal sealed partial class ResourceRule : ITemplateRule
{
    private static readonly string[] Actions = ["get", "create", "apply", "delete", "replace", "patch"];

    public void Check(TemplateSite site)
    {
        if (site.Template["resource"] is not YMapping resource)
        {
            return;
        }

        var action = resource["action"] as YScalar;
        if (action is null || (!Actions.Contains(action.Value) && !action.Value.Contains("{{", StringComparison.Ordinal)))
        {
            site.Error(action ?? (YNode)resource, "resource.action", $"must be one of: {string.Join(", ", Actions)}");
            return;
        }

        if (action.Value is "get" or "delete")
        {
            return;
        }

        var manifest = ArgumentsRule.Present(resource["manifest"]);
        var manifestFrom = resource["manifestFrom"] as YMapping;
        if (manifest == (manifestFrom is not null))
        {
            site.Error(resource, "resource", manifest ? "give manifest or manifestFrom, not both" : "needs manifest or manifestFrom");
        }

        if (resource["manifest"] is YScalar { IsNull: false } text)
        {
            CheckManifest(site, text);
        }

        if ((manifestFrom?["artifact"] as YMapping)?["name"] is YScalar artifact && !InputArtifacts(site).Contains(artifact.Value))
        {
            site.Error(artifact, "resource.manifestFrom.artifact.name", $"artifact '{artifact.Value}' is not one of the template's inputs.artifacts");
        }
    }

    /// <summary>
    /// validate.go validateLeaf: the manifest must be YAML once every tag is replaced by a placeholder (Argo fills
    /// simple tags with placeholders and SubstituteResourceManifestExpressions does the same for expressions).
    /// </summary>
    private static void CheckManifest(TemplateSite site, YScalar text)
    {
        try
        {
            SafeYamlLoader.Load(AnyTag().Replace(text.Value, "placeholder"), "manifest");
        }
        catch (ValidationException ex)
        {
            site.Error(text, "resource.manifest", $"must be valid YAML: {ex.Diagnostics[0].Message} (line {ex.Diagnostics[0].Location.Line} of the manifest)");
        }
    }

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex AnyTag();

    private static HashSet<string> InputArtifacts(TemplateSite site)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        ArgumentsRule.Each((site.Template["inputs"] as YMapping)?["artifacts"], string.Empty, (a, _) =>
        {
            if (a["name"] is YScalar name)
            {
                names.Add(name.Value);
            }
        });
        return names;
    }
}
