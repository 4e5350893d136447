namespace ArgoFlow.Templates.Kubernetes;

/// <summary>kustomize <c>Kustomization</c>: lists every manifest file so <c>kubectl apply -k DIR</c> applies them all.</summary>
public sealed record Kustomization(
    string ApiVersion,
    string Kind,
    IReadOnlyList<string> Resources)
{
    public static Kustomization Create(IReadOnlyList<string> resources) =>
        new("kustomize.config.k8s.io/v1beta1", "Kustomization", resources);
}
