using System.Globalization;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Kubernetes;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Manifests;

/// <summary>
/// The ExecutorPlugin ConfigMap Argo reads (controller started with ARGO_EXECUTOR_PLUGINS=true): its
/// <c>sidecar.container</c> runs <c>argoflow plugin serve</c> next to the agent, on port 4355; Argo mounts the
/// agent's token at /var/run/argo/token, which the sidecar checks on every request.
/// </summary>
public static class ExecutorPluginManifest
{
    public const string Name = "argoflow-executor-plugin";

    /// <summary>Where Argo mounts the agent's token in every plugin sidecar.</summary>
    public const string TokenPath = "/var/run/argo/token";

    /// <param name="tls">The TLS Secret and its CA key the sidecar trusts (<see cref="ServiceTls"/>), or null.</param>
    /// <param name="endpoints">The gRPC endpoints the templates name: the sidecar's <c>--allow-endpoint</c> list.</param>
    public static ConfigMap Create(string ns, string image, (string Secret, string CaKey)? tls = null, IReadOnlyList<string>? endpoints = null)
    {
        List<string> args = ["plugin", "serve", "--port", ServicePorts.Plugin.ToString(CultureInfo.InvariantCulture), "--token-file", TokenPath];
        foreach (var endpoint in endpoints ?? [])
        {
            args.AddRange(["--allow-endpoint", endpoint]);
        }

        var sidecar = new Container(
            "argoflow-plugin",
            image,
            Args: args,
            Env: tls is { } t ? [ServiceTls.CaPemEnv(t.Secret, t.CaKey)] : null,
            Ports: [new ContainerPort("plugin", ServicePorts.Plugin)],
            Resources: ServiceResources.PluginSidecar,
            SecurityContext: PodSecurity.Container);
        var labels = ManifestLabels.Sorted(
            ("workflows.argoproj.io/configmap-type", "ExecutorPlugin"),
            (ManifestLabels.PartOf, "argoflow"),
            (ManifestLabels.ManagedBy, ManifestLabels.ManagedByValue));
        var annotations = ManifestLabels.Sorted(
            ("workflows.argoproj.io/description", "Runs ArgoFlow steps (plugin: {argoflow: ...}) by calling the warm services over gRPC."));
        return ConfigMap.Create(
            new ObjectMeta(Name, Namespace: ns, Labels: labels, Annotations: annotations),
            ManifestLabels.Sorted(("sidecar.container", ManifestYaml.Serialize(sidecar))));
    }
}
