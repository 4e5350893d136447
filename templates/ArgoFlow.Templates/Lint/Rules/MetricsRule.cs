using System.Text.RegularExpressions;
using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>
/// validate.go validateTemplate (metrics): each Prometheus metric has a valid name (Prometheus' legacy rule without
/// ':', workflow/metrics IsValidMetricName) and a help string.
/// </summary>
internal sealed partial class MetricsRule : ITemplateRule
{
    public void Check(TemplateSite site)
    {
        ArgumentsRule.Each((site.Template["metrics"] as YMapping)?["prometheus"], site.Path + ".metrics.prometheus", (metric, path) =>
        {
            if (metric["name"] is YScalar { IsNull: false } name && !MetricName().IsMatch(name.Value))
            {
                site.Context.Error(name, path + ".name", $"'{name.Value}' is not a valid metric name: letters, digits and '_', not starting with a digit");
            }

            if (metric["help"] is not YScalar { IsNull: false, Value.Length: > 0 })
            {
                site.Context.Error(metric, SpecReadContext.Join(path, "help"), "is required");
            }
        });
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();
}
