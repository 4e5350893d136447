using ArgoFlow.Cluster.Kube;

namespace ArgoFlow.Cluster.Apply;

/// <summary>A checked document with its REST type and target namespace (null for cluster-scoped kinds).</summary>
public sealed record PlannedObject(ManifestDocument Document, ResourceType Type, string? Namespace)
{
    public string Name => Document.Name!;
}
