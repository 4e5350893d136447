namespace ArgoFlow.Cluster.Argo;

/// <summary>Argo <c>io.argoproj.workflow.v1alpha1.Workflow</c> (argoproj.io/v1alpha1, kind Workflow).</summary>
public sealed record Workflow
{
    public const string ApiVersionValue = "argoproj.io/v1alpha1";
    public const string KindValue = "Workflow";

    public string ApiVersion { get; init; } = ApiVersionValue;

    public string Kind { get; init; } = KindValue;

    public ObjectMeta Metadata { get; init; } = new();

    public WorkflowSpec Spec { get; init; } = new();

    public WorkflowStatus? Status { get; init; }

    /// <summary>The name, or the generateName prefix before the server has assigned one.</summary>
    public string DisplayName => Metadata.Name ?? Metadata.GenerateName ?? "(unnamed)";
}
