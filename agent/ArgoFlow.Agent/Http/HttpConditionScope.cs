namespace ArgoFlow.Agent.Http;

/// <summary>
/// What a successCondition sees, as Argo's agent builds it: <c>request.{method, url, body, bodyBytes, headers}</c>
/// and <c>response.{statusCode, body, headers}</c>. Headers map a name to its values (Go's http.Header): the
/// request's as the template spells them (without the ones read from a secret), the response's in Go's canonical
/// form (<c>Content-Type</c>).
/// </summary>
public sealed record HttpConditionScope(
    string Method,
    string Url,
    string Body,
    byte[]? BodyBytes,
    IReadOnlyDictionary<string, IReadOnlyList<string>> RequestHeaders,
    int StatusCode,
    string ResponseBody,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ResponseHeaders);
