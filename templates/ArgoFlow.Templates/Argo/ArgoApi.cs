namespace ArgoFlow.Templates.Argo;

/// <summary>Constants of the Argo Workflows API that ArgoFlow writes.</summary>
public static class ArgoApi
{
    public const string Version = "argoproj.io/v1alpha1";

    /// <summary>The label Argo puts on a Workflow submitted from a WorkflowTemplate (what `argo submit --from` does).</summary>
    public const string WorkflowTemplateLabel = "workflows.argoproj.io/workflow-template";

    /// <summary>Argo's CRDs allow at most this many templates per workflow and tasks per DAG.</summary>
    public const int MaxTemplates = 200;
}
