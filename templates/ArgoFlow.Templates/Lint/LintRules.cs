using ArgoFlow.Templates.Lint.Rules;

namespace ArgoFlow.Templates.Lint;

/// <summary>
/// The registered checks beyond the structural walk of <see cref="ArgoLinter"/>: each is one rule of Argo's
/// workflow/validate/validate.go that can be decided from the document alone. A new rule (for example one that
/// depends on the target Argo version) is a class implementing one of the three interfaces, added here.
/// </summary>
internal static class LintRules
{
    public static readonly IReadOnlyList<IDocumentRule> Documents =
        [new ObjectNameRule(), new WorkflowTemplateRefRule(), new HooksRule(), new PodGcRule(), new ArgumentsRule(), new InputsSuppliedRule()];

    public static readonly IReadOnlyList<ITemplateRule> Templates =
        [new ImageRule(), new LeafFieldsRule(), new ResourceRule(), new OutputsRule(), new InputArtifactsRule(), new RetryPolicyRule(), new MetricsRule(),
         new ContainersRule()];

    public static readonly IReadOnlyList<ICallRule> Calls =
        [new LoopRule(), new ArgumentsRule(), new TemplateRefRule(), new HooksRule(), new InputsSuppliedRule()];
}
