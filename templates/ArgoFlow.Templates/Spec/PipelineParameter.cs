namespace ArgoFlow.Templates.Spec;

/// <summary>A workflow parameter (an Argo <c>spec.arguments.parameters</c> entry) with its default value.</summary>
public sealed record PipelineParameter(string Name, string? Value, string? Description);
