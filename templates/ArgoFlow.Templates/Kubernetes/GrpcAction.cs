namespace ArgoFlow.Templates.Kubernetes;

/// <summary>Kubernetes <c>GRPCAction</c>: calls grpc.health.v1.Health/Check on the port.</summary>
public sealed record GrpcAction(
    int Port,
    string? Service = null);
