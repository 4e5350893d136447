using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Templates.Spec;

/// <summary>
/// One step: a call of <see cref="Type"/>. <see cref="DependsOn"/> is resolved (sequential order made explicit,
/// plus every step an input reads from). <see cref="Inputs"/> maps the step type's input ports (e.g. "image",
/// "regions") to where their value comes from. <see cref="With"/> holds the parameter values, typed per
/// the catalogue: long, double, bool, string, IReadOnlyList&lt;string&gt;, IReadOnlyList&lt;BoxValue&gt;, or a
/// <see cref="ParameterRef"/> to a workflow parameter. It holds the values the spec gives (in catalogue order), plus
/// <c>writeDetections</c>/<c>annotate</c> = true when a later step reads that output; catalogue defaults are not
/// copied in (the services apply them), so requests stay as small as the spec.
/// </summary>
public sealed record PipelineStep(
    string Name,
    StepType Type,
    IReadOnlyList<string> DependsOn,
    IReadOnlyDictionary<string, ValueSource> Inputs,
    IReadOnlyDictionary<string, object?> With,
    RetryPolicy Retry,
    int TimeoutSeconds,
    SourceLocation Location);
