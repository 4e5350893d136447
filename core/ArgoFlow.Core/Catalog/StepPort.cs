namespace ArgoFlow.Core.Catalog;

/// <summary>
/// A named input or output of a step type. <see cref="Field"/> is the JSON name of the request field an input
/// fills, or of the response field an output is read from (the step's <c>outputs.result</c> in Argo).
/// <see cref="PassThrough"/> marks an output that hands on a value the step was given (detect's image) rather than
/// something it wrote, so a run's list of written files leaves it out.
/// </summary>
public sealed record StepPort(string Name, string Field, string Description, bool PassThrough = false);
