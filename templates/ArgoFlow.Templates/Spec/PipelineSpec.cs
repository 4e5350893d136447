using ArgoFlow.Core.Errors;

namespace ArgoFlow.Templates.Spec;

/// <summary>
/// A validated pipeline spec (<c>apiVersion: argoflow.io/v1alpha1, kind: Pipeline</c>), with every default and
/// implicit dependency resolved. The generator and the runner both work from this model only.
/// <see cref="Steps"/> is in dependency order (file order wherever dependencies allow);
/// <see cref="SourceText"/> is the YAML the spec was read from (fused mode sends it to the Pipeline service).
/// </summary>
public sealed record PipelineSpec(
    string Name,
    string Namespace,
    IReadOnlyList<PipelineParameter> Parameters,
    IReadOnlyList<PipelineStep> Steps,
    ServiceEndpoints Services,
    RetryPolicy Retry,
    int TimeoutSeconds,
    SourceLocation Source,
    string SourceText = "")
{
    public PipelineStep? FindStep(string name) =>
        Steps.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
