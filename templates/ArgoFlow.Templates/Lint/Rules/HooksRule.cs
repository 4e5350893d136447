using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>
/// validate.go validateHooks: every lifecycle hook other than <c>exit</c> needs an <c>expression</c> saying when it
/// runs. Argo checks the workflow's <c>spec.hooks</c> and each step's hooks (not DAG tasks'), and so does this rule.
/// </summary>
internal sealed class HooksRule : IDocumentRule, ICallRule
{
    public void Check(SpecReadContext context, LintDocument document) =>
        CheckHooks(context, document.Spec["hooks"], document.SpecPath + ".hooks");

    public void Check(CallSite site)
    {
        if (!site.InDag)
        {
            CheckHooks(site.Context, site.Call["hooks"], site.Path + ".hooks");
        }
    }

    private static void CheckHooks(SpecReadContext context, YNode? node, string path)
    {
        if (node is not YMapping hooks)
        {
            return;
        }

        foreach (var (name, hook) in hooks.Entries)
        {
            if (name.Value != "exit" && (hook as YMapping)?["expression"] is not YScalar { IsNull: false, Value.Length: > 0 })
            {
                context.Error(hook, path + "." + name.Value, $"hook '{name.Value}' needs an expression (only the 'exit' hook runs without one)");
            }
        }
    }
}
