namespace ArgoFlow.Templates.Generation;

/// <summary>What to generate.</summary>
/// <param name="Mode">How steps call the services (default http).</param>
/// <param name="Fused">One Argo step that runs the whole spec in the Pipeline service instead of one per step.</param>
/// <param name="Image">The ArgoFlow image of the services, the plugin sidecar and container steps.</param>
/// <param name="NetworkPolicy">Also emit a NetworkPolicy that lets only workflow pods and ArgoFlow clients in.</param>
/// <param name="NameSuffix">Appended to every pipeline's name (its WorkflowTemplate and folder), e.g. "-plugin", so the
/// same spec generated in several modes can sit side by side in one namespace.</param>
/// <param name="TlsSecret">A Kubernetes TLS Secret (tls.crt, tls.key): the services serve gRPC over TLS with it, their
/// default addresses become https://, and the gRPC clients (container steps, the plugin sidecar) trust
/// <paramref name="TlsCaKey"/> of it. Null: plain gRPC (h2c).</param>
/// <param name="TlsCaKey">The Secret's key holding the CA certificate clients trust: ca.crt (cert-manager writes it);
/// tls.crt for a self-signed certificate.</param>
/// <param name="ArgoVersion">The lowest Argo release the output must work on; null means <see cref="Argo.ArgoVersion.Oldest"/>.
/// Fields newer than it are left out (<see cref="Argo.ArgoFieldHistory"/>).</param>
/// <param name="Agent">Also emit the external agent (<c>argoflow agent</c>: Deployment, ServiceAccount, Role,
/// RoleBinding) and the workflow-controller-configmap patch that turns Argo's agent pods off (http and plugin modes).</param>
/// <param name="AgentNamespaces">With <paramref name="Agent"/>: one agent for all namespaces or for a list
/// (<c>--agent-namespaces</c>); null: one agent per pipeline namespace.</param>
public sealed record GeneratorOptions(
    GenerationMode Mode = GenerationMode.Http,
    bool Fused = false,
    string Image = GeneratorOptions.DefaultImage,
    bool NetworkPolicy = false,
    string NameSuffix = "",
    string? TlsSecret = null,
    string TlsCaKey = GeneratorOptions.DefaultTlsCaKey,
    Argo.ArgoVersion? ArgoVersion = null,
    bool Agent = false,
    AgentScope? AgentNamespaces = null)
{
    /// <summary>The Argo release the output targets.</summary>
    public Argo.ArgoVersion Target => ArgoVersion ?? Argo.ArgoVersion.Oldest;

    public const string DefaultTlsCaKey = "ca.crt";

    /// <summary>A fixed tag, so the output does not change with the machine or the build.</summary>
    public const string DefaultImage = "ghcr.io/argoflow/argoflow:0.1.0";

    /// <summary>"http", "plugin", "container", "fused-http", "fused-plugin", each with "-agent" under --agent
    /// ("-agent-all" with --agent-namespaces all): the mode label and golden folder name.</summary>
    public string Label => (Fused ? "fused-" : string.Empty) + Mode.ToString().ToLowerInvariant() +
        (!Agent ? string.Empty : AgentNamespaces?.All == true ? "-agent-all" : "-agent");
}
