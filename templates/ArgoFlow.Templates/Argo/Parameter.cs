namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>Parameter</c>: a named string value (workflow argument, template input or task argument).</summary>
public sealed record Parameter(
    string Name,
    string? Value = null,
    string? Description = null);
