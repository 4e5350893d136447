namespace ArgoFlow.Cluster.Kube;

/// <summary>An API resource: where its REST collection lives (group, version, plural) and its kind.</summary>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced = true)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>kubectl's spelling in messages, e.g. <c>workflowtemplates.argoproj.io</c>.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The API group/version root: <c>/api/v1</c> for the core group, else <c>/apis/GROUP/VERSION</c>.</summary>
    public string GroupVersionPath => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";

    public string CollectionPath(string? ns) =>
        Namespaced
            ? $"{GroupVersionPath}/namespaces/{Uri.EscapeDataString(ns ?? throw new ArgumentNullException(nameof(ns)))}/{Plural}"
            : $"{GroupVersionPath}/{Plural}";

    public string ItemPath(string? ns, string name) => $"{CollectionPath(ns)}/{Uri.EscapeDataString(name)}";
}
