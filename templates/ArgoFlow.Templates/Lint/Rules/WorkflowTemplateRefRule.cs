using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>
/// validate.go WorkflowTemplateRefFields: a Workflow that runs a referenced WorkflowTemplate takes all its templates
/// from it and may not bring its own; the reference needs a name.
/// </summary>
internal sealed class WorkflowTemplateRefRule : IDocumentRule
{
    public void Check(SpecReadContext context, LintDocument document)
    {
        if (document.Spec["workflowTemplateRef"] is not YMapping reference)
        {
            return;
        }

        if (reference["name"] is not YScalar { IsNull: false, Value.Length: > 0 })
        {
            context.Error(reference, document.SpecPath + ".workflowTemplateRef.name", "is required");
        }

        if (document.Spec["templates"] is YSequence { Items.Count: > 0 } templates)
        {
            context.Error(templates, document.SpecPath + ".templates", "cannot be given with spec.workflowTemplateRef: the referenced template supplies every template");
        }
    }
}
