using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Kubernetes;

namespace ArgoFlow.Templates.Manifests;

/// <summary>
/// Optional (<c>--network-policy</c>): only pods of Argo workflows (they carry <c>workflows.argoproj.io/workflow</c>:
/// the agent with its plugin sidecar, and container steps), ArgoFlow's own pods (the Pipeline service) and pods
/// labelled <c>argoflow.io/client: "true"</c> may reach the services' ports.
/// </summary>
public static class NetworkPolicyManifest
{
    public const string Name = "argoflow-services";

    /// <param name="agentHome">The namespace of an agent that serves <paramref name="ns"/> from elsewhere
    /// (<c>--agent-namespaces</c>): its pods may call in too. Null or <paramref name="ns"/>: no such peer.</param>
    public static NetworkPolicy Create(string ns, string? agentHome = null) => NetworkPolicy.Create(
        new ObjectMeta(Name, Namespace: ns, Labels: ManifestLabels.Sorted((ManifestLabels.PartOf, "argoflow"), (ManifestLabels.ManagedBy, ManifestLabels.ManagedByValue))),
        new NetworkPolicySpec(
            new LabelSelector(ManifestLabels.Sorted((ManifestLabels.PartOf, "argoflow"))),
            ["Ingress"],
            [
                new NetworkPolicyIngressRule(
                    [
                        new NetworkPolicyPeer(new LabelSelector(MatchExpressions: [new LabelSelectorRequirement("workflows.argoproj.io/workflow", "Exists")])),
                        new NetworkPolicyPeer(new LabelSelector(ManifestLabels.Sorted((ManifestLabels.PartOf, "argoflow")))),
                        new NetworkPolicyPeer(new LabelSelector(ManifestLabels.Sorted((ManifestLabels.Client, "true")))),
                        .. agentHome is not null && agentHome != ns
                            ? new[]
                            {
                                new NetworkPolicyPeer(
                                    new LabelSelector(ManifestLabels.Sorted((ManifestLabels.Name, AgentManifests.Name))),
                                    new LabelSelector(ManifestLabels.Sorted(("kubernetes.io/metadata.name", agentHome)))),
                            }
                            : [],
                    ],
                    [new NetworkPolicyPort(ServicePorts.Grpc), new NetworkPolicyPort(ServicePorts.Http)]),
            ]));
}
