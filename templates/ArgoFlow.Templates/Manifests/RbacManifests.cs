using ArgoFlow.Templates.Kubernetes;

namespace ArgoFlow.Templates.Manifests;

/// <summary>
/// The identity the workflows run as. Argo's agent pod (http and plugin steps) needs list/watch on
/// workflowtasksets and patch on their status; pods of container steps report through workflowtaskresults.
/// Kubernetes >= 1.24 no longer creates token Secrets, and the agent needs <c>&lt;sa&gt;.service-account-token</c>.
/// </summary>
public static class RbacManifests
{
    public const string ServiceAccountName = "argoflow";
    public const string RoleName = "argoflow-workflow";

    public static string TokenSecretName => ServiceAccountName + ".service-account-token";

    public static IReadOnlyList<object> For(string ns)
    {
        var labels = ManifestLabels.Sorted((ManifestLabels.PartOf, "argoflow"), (ManifestLabels.ManagedBy, ManifestLabels.ManagedByValue));
        return
        [
            ServiceAccount.Create(new ObjectMeta(ServiceAccountName, Namespace: ns, Labels: labels)),
            Role.Create(new ObjectMeta(RoleName, Namespace: ns, Labels: labels),
            [
                new PolicyRule(["argoproj.io"], ["workflowtasksets"], ["list", "watch"]),
                new PolicyRule(["argoproj.io"], ["workflowtasksets/status"], ["patch"]),
                new PolicyRule(["argoproj.io"], ["workflowtaskresults"], ["create", "patch"]),
            ]),
            RoleBinding.Create(
                new ObjectMeta(RoleName, Namespace: ns, Labels: labels),
                new RoleRef(Rbac.ApiGroup, "Role", RoleName),
                [new Subject("ServiceAccount", ServiceAccountName, ns)]),
            Secret.Create(
                new ObjectMeta(TokenSecretName, Namespace: ns, Labels: labels,
                    Annotations: ManifestLabels.Sorted(("kubernetes.io/service-account.name", ServiceAccountName))),
                "kubernetes.io/service-account-token"),
        ];
    }
}
