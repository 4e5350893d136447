using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>validate.go (Workflow): <c>podGC.strategy</c> must be one Argo knows (PodGCStrategy.IsValid).</summary>
internal sealed class PodGcRule : IDocumentRule
{
    private static readonly string[] Strategies = ["", "OnPodCompletion", "OnPodSuccess", "OnWorkflowCompletion", "OnWorkflowSuccess"];

    public void Check(SpecReadContext context, LintDocument document)
    {
        if ((document.Spec["podGC"] as YMapping)?["strategy"] is YScalar { IsNull: false } strategy &&
            !Strategies.Contains(strategy.Value) && !strategy.Value.Contains("{{", StringComparison.Ordinal))
        {
            context.Error(strategy, document.SpecPath + ".podGC.strategy", $"unknown strategy '{strategy.Value}'{DidYouMean.Suffix(strategy.Value, Strategies.Skip(1))}");
        }
    }
}
