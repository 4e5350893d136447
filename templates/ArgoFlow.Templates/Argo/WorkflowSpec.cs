namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>WorkflowSpec</c>: the part of a Workflow or WorkflowTemplate spec that ArgoFlow writes.</summary>
public sealed record WorkflowSpec(
    string? Entrypoint = null,
    Arguments? Arguments = null,
    string? ServiceAccountName = null,
    IReadOnlyList<Template>? Templates = null,
    WorkflowTemplateRef? WorkflowTemplateRef = null);
