namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>WorkflowTemplateRef</c>: a Workflow that runs a stored WorkflowTemplate.</summary>
public sealed record WorkflowTemplateRef(
    string Name);
