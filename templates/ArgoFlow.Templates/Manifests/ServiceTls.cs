using ArgoFlow.Templates.Kubernetes;

namespace ArgoFlow.Templates.Manifests;

/// <summary>
/// gRPC over TLS in the generated manifests (<c>argoflow generate --tls-secret NAME</c>). The services mount the TLS
/// Secret and serve gRPC with it (ARGOFLOW_TLS_CERT/KEY); kubelet's gRPC probe cannot speak TLS, so they are probed
/// on the plain HTTP port's <c>/healthz</c> instead. Clients get only the CA certificate, never the key: container
/// steps as a file (ARGOFLOW_CA_FILE), the executor plugin sidecar, which Argo gives no volumes, through the
/// environment (ARGOFLOW_CA_PEM from the Secret).
/// </summary>
public static class ServiceTls
{
    private const string ServerVolume = "tls";
    private const string ServerMount = "/etc/argoflow/tls";
    private const string CaVolume = "argoflow-ca";
    private const string CaMount = "/etc/argoflow/ca";
    private const string CaFileName = "ca.crt";

    /// <summary>The services' environment: where the mounted certificate and key are.</summary>
    public static IReadOnlyList<EnvVar> ServerEnv { get; } =
    [
        new("ARGOFLOW_TLS_CERT", ServerMount + "/tls.crt"),
        new("ARGOFLOW_TLS_KEY", ServerMount + "/tls.key"),
    ];

    public static VolumeMount ServerMountFor() => new(ServerVolume, ServerMount, ReadOnly: true);

    public static Volume ServerVolumeFor(string secret) => new(ServerVolume, Secret: new SecretVolumeSource(secret,
        [new KeyToPath("tls.crt", "tls.crt"), new KeyToPath("tls.key", "tls.key")]));

    /// <summary>A container step's CA file: one key of the Secret, mounted read-only.</summary>
    public static Volume CaVolumeFor(string secret, string caKey) =>
        new(CaVolume, Secret: new SecretVolumeSource(secret, [new KeyToPath(caKey, CaFileName)]));

    public static VolumeMount CaMountFor() => new(CaVolume, CaMount, ReadOnly: true);

    public static EnvVar CaFileEnv { get; } = new("ARGOFLOW_CA_FILE", CaMount + "/" + CaFileName);

    /// <summary>The plugin sidecar's CA, as PEM text from the Secret.</summary>
    public static EnvVar CaPemEnv(string secret, string caKey) =>
        new("ARGOFLOW_CA_PEM", ValueFrom: new EnvVarSource(new SecretKeySelector(secret, caKey)));

    /// <summary>The address clients use for a service at its default in-cluster address.</summary>
    public static string Secure(string grpcAddress)
    {
        ArgumentNullException.ThrowIfNull(grpcAddress);
        var bare = grpcAddress.StartsWith("dns:///", StringComparison.Ordinal) ? grpcAddress["dns:///".Length..]
            : grpcAddress.StartsWith("http://", StringComparison.Ordinal) ? grpcAddress["http://".Length..] : grpcAddress;
        return "https://" + bare;
    }
}
