namespace ArgoFlow.Templates.Lint;

/// <summary>A check of a whole Workflow / WorkflowTemplate / ClusterWorkflowTemplate / CronWorkflow document.</summary>
internal interface IDocumentRule
{
    void Check(Spec.Validation.SpecReadContext context, LintDocument document);
}
