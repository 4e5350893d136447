namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>HTTP</c> template: one request made by the workflow's agent pod; the body of the response becomes <c>outputs.result</c>.</summary>
public sealed record HttpTemplate(
    string Url,
    string? Method = null,
    IReadOnlyList<HttpHeader>? Headers = null,
    string? Body = null,
    int? TimeoutSeconds = null,
    string? SuccessCondition = null);
