using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>validate.go validateTemplateHolder: a templateRef names the WorkflowTemplate and the template in it.</summary>
internal sealed class TemplateRefRule : ICallRule
{
    public void Check(CallSite site)
    {
        if (site.Call["templateRef"] is not YMapping reference)
        {
            return;
        }

        foreach (var key in new[] { "name", "template" })
        {
            if (reference[key] is not YScalar { IsNull: false, Value.Length: > 0 })
            {
                site.Error(reference, "templateRef." + key, "is required");
            }
        }
    }
}
