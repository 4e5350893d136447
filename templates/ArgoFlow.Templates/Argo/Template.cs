using ArgoFlow.Templates.Kubernetes;

namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>Template</c>: exactly one of <see cref="Dag"/>, <see cref="Http"/>, <see cref="Plugin"/>, <see cref="Container"/>.</summary>
public sealed record Template(
    string Name,
    Inputs? Inputs = null,
    DagTemplate? Dag = null,
    HttpTemplate? Http = null,
    Plugin? Plugin = null,
    Container? Container = null,
    RetryStrategy? RetryStrategy = null,
    string? Timeout = null,
    IReadOnlyList<Volume>? Volumes = null);
