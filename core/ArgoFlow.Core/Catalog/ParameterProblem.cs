namespace ArgoFlow.Core.Catalog;

/// <summary>A problem with one parameter (or a combination), found by the catalogue's checks.</summary>
public sealed record ParameterProblem(string Parameter, string Message);
