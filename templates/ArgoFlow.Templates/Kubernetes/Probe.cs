namespace ArgoFlow.Templates.Kubernetes;

/// <summary>
/// Kubernetes <c>Probe</c>: the native gRPC health check (Kubernetes >= 1.27), or an HTTP GET where gRPC is served
/// over TLS, which kubelet's gRPC probe cannot speak.
/// </summary>
public sealed record Probe(
    GrpcAction? Grpc,
    int? InitialDelaySeconds = null,
    int? PeriodSeconds = null,
    int? TimeoutSeconds = null,
    int? FailureThreshold = null,
    HttpGetAction? HttpGet = null);

/// <summary>Kubernetes <c>HTTPGetAction</c>; <see cref="Port"/> names the container port.</summary>
public sealed record HttpGetAction(string Path, string Port);
