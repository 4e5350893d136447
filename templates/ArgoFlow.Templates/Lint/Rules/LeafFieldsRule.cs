using System.Globalization;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>
/// validate.go validateTemplate / validateNonLeaf / validateLeaf: fields that only some template types can use -
/// timeout and pendingTimeout (leaf templates; a timeout is a duration such as "30s", not a bare number),
/// activeDeadlineSeconds (not on steps or dag), parallelism (only steps and dag), podResources (not http or plugin,
/// which share the agent pod) and resourceClaims (only templates that run a pod of their own).
/// </summary>
internal sealed class LeafFieldsRule : ITemplateRule
{
    public void Check(TemplateSite site)
    {
        if (site.Type is null)
        {
            return;
        }

        var orchestrates = site.Type is "steps" or "dag";
        foreach (var key in new[] { "timeout", "pendingTimeout" })
        {
            if (site.Template[key] is YScalar { IsNull: false, Value.Length: > 0 } value && !site.IsLeaf)
            {
                site.Error(value, key, $"a {site.Type} template does not support {key}");
            }
        }

        if (site.Template["timeout"] is YScalar { IsNull: false } timeout && site.IsLeaf &&
            int.TryParse(timeout.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            site.Error(timeout, "timeout", $"'{timeout.Value}' is not a duration; write it with a unit, e.g. '{timeout.Value}s'");
        }

        if (orchestrates && site.Has("activeDeadlineSeconds"))
        {
            site.Error(site.Template["activeDeadlineSeconds"], "activeDeadlineSeconds", "is only valid for leaf templates");
        }

        if (!orchestrates && site.Has("parallelism"))
        {
            site.Error(site.Template["parallelism"], "parallelism", "is only valid for steps and dag templates");
        }

        if (site.Type is "http" or "plugin" && site.Has("podResources"))
        {
            site.Error(site.Template["podResources"], "podResources", $"is not supported for {site.Type} templates (they run on the shared agent pod)");
        }

        if (!site.IsPodType && site.Template["resourceClaims"] is YSequence { Items.Count: > 0 } claims)
        {
            site.Error(claims, "resourceClaims", $"is not supported for {site.Type} templates, which do not create a pod");
        }
    }
}
