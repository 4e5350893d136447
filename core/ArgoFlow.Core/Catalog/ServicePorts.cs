namespace ArgoFlow.Core.Catalog;

/// <summary>The default ports, used by <c>argoflow serve</c>, the generated Services and the plugin sidecar.</summary>
public static class ServicePorts
{
    /// <summary>gRPC (HTTP/2 cleartext).</summary>
    public const int Grpc = 9090;

    /// <summary>HTTP/1.1: the JSON routes of every RPC, /metrics and /healthz.</summary>
    public const int Http = 8080;

    /// <summary>The executor plugin sidecar (Argo calls it on localhost inside the agent pod).</summary>
    public const int Plugin = 4355;
}
