namespace ArgoFlow.Templates.Generation;

/// <summary>How each step reaches its service (docs/architecture.md, "How each generation mode calls the services").</summary>
public enum GenerationMode
{
    /// <summary>Argo http templates POST the request JSON to the service's HTTP/JSON route; no pod per step.</summary>
    Http,

    /// <summary>Argo executor-plugin templates; the ArgoFlow sidecar in the agent pod calls the service over gRPC.</summary>
    Plugin,

    /// <summary>A pod per step running <c>argoflow step</c>: the classic baseline.</summary>
    Container,
}
