namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>HTTPHeader</c>.</summary>
public sealed record HttpHeader(
    string Name,
    string Value);
