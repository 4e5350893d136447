using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint.Rules;

/// <summary>
/// validate.go (Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow): a name longer than 63 characters
/// is refused because Argo copies it into a label value; a CronWorkflow's at most 52, leaving room for the
/// "-1615836720" timestamp suffix of the workflows it creates.
/// </summary>
internal sealed class ObjectNameRule : IDocumentRule
{
    public const int MaxName = 63;
    public const int MaxCronName = 52;

    public void Check(SpecReadContext context, LintDocument document)
    {
        if ((document.Root["metadata"] as YMapping)?["name"] is not YScalar { IsNull: false } name)
        {
            return;
        }

        var max = document.Kind == "CronWorkflow" ? MaxCronName : MaxName;
        if (name.Value.Length > max)
        {
            context.Error(name, "metadata.name", $"'{name.Value}' is {name.Value.Length} characters; Argo allows at most {max} for a {document.Kind} name");
        }
    }
}
