namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>Probe</c>; ArgoFlow uses the native gRPC health check (Kubernetes >= 1.27).</summary>
public sealed record Probe(
    GrpcAction Grpc,
    int? InitialDelaySeconds = null,
    int? PeriodSeconds = null,
    int? TimeoutSeconds = null,
    int? FailureThreshold = null);
