namespace ArgoFlow.Core.Catalog;

/// <summary>
/// A named input or output of a step type. <see cref="Field"/> is the JSON name of the request field an input
/// fills, or of the response field an output is read from (the step's <c>outputs.result</c> in Argo).
/// </summary>
public sealed record StepPort(string Name, string Field, string Description);
