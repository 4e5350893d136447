namespace ArgoFlow.Cluster.TaskSets;

/// <summary>
/// Argo <c>io.argoproj.workflow.v1alpha1.HTTP</c>: the request an http template makes. Argo applies no timeout
/// when <see cref="TimeoutSeconds"/> is absent (its agent uses Go's default client), and sends
/// <see cref="BodyFrom"/> instead of <see cref="Body"/> when both are given.
/// </summary>
public sealed record HttpTemplate
{
    public string? Method { get; init; }

    public string Url { get; init; } = "";

    public IReadOnlyList<HttpHeader>? Headers { get; init; }

    public long? TimeoutSeconds { get; init; }

    public string? SuccessCondition { get; init; }

    public string? Body { get; init; }

    public HttpBodySource? BodyFrom { get; init; }

    public bool InsecureSkipVerify { get; init; }
}
