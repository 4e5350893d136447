namespace ArgoFlow.Templates.Manifests;

/// <summary>The labels ArgoFlow puts on what it generates (sorted, so the output order never varies).</summary>
public static class ManifestLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Component = "app.kubernetes.io/component";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "argoflow";
    public const string Mode = "argoflow.io/mode";

    /// <summary>Pods with this label set to "true" may call the services when the NetworkPolicy is on.</summary>
    public const string Client = "argoflow.io/client";

    public static SortedDictionary<string, string> Sorted(params (string Key, string Value)[] labels)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            sorted[key] = value;
        }

        return sorted;
    }

    /// <summary>The labels of a service's Deployment, pods and Service.</summary>
    public static SortedDictionary<string, string> ForService(string service) => Sorted(
        (Name, "argoflow-" + service),
        (Component, service),
        (PartOf, "argoflow"),
        (ManagedBy, ManagedByValue));
}
