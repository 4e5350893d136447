using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>
/// One Argo document being linted: its kind, its root and spec mappings and facts several rules need (where the
/// workflow spec is: <c>spec</c>, or <c>spec.workflowSpec</c> in a CronWorkflow; whether it runs a referenced WorkflowTemplate, which default images <c>spec.templateDefaults</c> gives).
/// </summary>
internal sealed record LintDocument(string Kind, YMapping Root, YMapping Spec, string SpecPath)
{
    public bool UsesTemplateRef => Spec["workflowTemplateRef"] is YMapping;

    /// <summary>WorkflowTemplates may read workflow parameters the submitting Workflow declares (validate.go, resolveAllVariables).</summary>
    public bool IsTemplateKind => Kind is "WorkflowTemplate" or "ClusterWorkflowTemplate";

    /// <summary>
    /// True when an empty <c>container.image</c> / <c>script.image</c> is filled from templateDefaults. As in
    /// validate.go's validateLeaf, only a Workflow or WorkflowTemplate's defaults count, not a ClusterWorkflowTemplate's.
    /// </summary>
    public bool HasDefaultImage(string type) =>
        Kind is "Workflow" or "WorkflowTemplate" &&
        Spec["templateDefaults"] is YMapping defaults && defaults[type] is YMapping holder &&
        holder["image"] is YScalar { IsNull: false, Value.Length: > 0 };

    /// <summary>The template of this document called <paramref name="name"/>, or null.</summary>
    public YMapping? Template(string name) =>
        (Spec["templates"] as YSequence)?.Items.OfType<YMapping>()
            .FirstOrDefault(t => t["name"] is YScalar n && string.Equals(n.Value, name, StringComparison.Ordinal));
}
