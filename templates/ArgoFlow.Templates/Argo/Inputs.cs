namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>Inputs</c>: the parameters a template takes.</summary>
public sealed record Inputs(
    IReadOnlyList<Parameter>? Parameters = null);
