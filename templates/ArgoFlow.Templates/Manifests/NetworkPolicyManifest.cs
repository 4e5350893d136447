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

    public static NetworkPolicy Create(string ns) => NetworkPolicy.Create(
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
                    ],
                    [new NetworkPolicyPort(ServicePorts.Grpc), new NetworkPolicyPort(ServicePorts.Http)]),
            ]));
}
