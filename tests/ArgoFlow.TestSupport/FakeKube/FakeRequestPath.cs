namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>
/// A parsed resource path: <c>/api/v1/namespaces/NS/PLURAL[/NAME[/status]]</c>,
/// <c>/apis/G/V/namespaces/NS/PLURAL[/NAME[/status]]</c>, <c>/apis/G/V/PLURAL[/NAME]</c> for cluster-scoped kinds,
/// and <c>/apis/G/V/PLURAL</c> for a namespaced kind across all namespaces (list and watch only). Null for
/// anything else, including <c>/status</c> of a kind without that subresource.
/// </summary>
internal sealed record FakeRequestPath(FakeResource Resource, string? Namespace, string? Name, string? Subresource = null)
{
    /// <summary>A namespaced kind addressed without a namespace: the all-namespaces collection.</summary>
    public bool AllNamespaces => Resource.Namespaced && Namespace is null;

    /// <summary>The name RBAC and the failure plans use: <c>workflowtasksets/status</c> for the subresource.</summary>
    public string RbacResource => Subresource is null ? Resource.Plural : $"{Resource.Plural}/{Subresource}";

    public static FakeRequestPath? Parse(string path, out bool knownGroupVersion)
    {
        knownGroupVersion = false;
        var parts = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        string group;
        string version;
        int rest;
        if (parts.Length >= 2 && parts[0] == "api")
        {
            (group, version, rest) = ("", parts[1], 2);
        }
        else if (parts.Length >= 3 && parts[0] == "apis")
        {
            (group, version, rest) = (parts[1], parts[2], 3);
        }
        else
        {
            return null;
        }

        knownGroupVersion = FakeResource.All.Any(r => r.Group == group && r.Version == version);
        string? ns = null;
        if (parts.Length > rest + 1 && parts[rest] == "namespaces")
        {
            ns = parts[rest + 1];
            rest += 2;
        }

        if (parts.Length - rest is < 1 or > 3)
        {
            return null;
        }

        var resource = FakeResource.All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == parts[rest]);
        if (resource is null || (ns is not null && !resource.Namespaced))
        {
            return null;
        }

        var name = parts.Length - rest >= 2 ? parts[rest + 1] : null;
        if (resource.Namespaced && ns is null && name is not null)
        {
            return null;
        }

        string? subresource = null;
        if (parts.Length - rest == 3)
        {
            if (parts[rest + 2] != "status" || !resource.HasStatus)
            {
                return null;
            }

            subresource = "status";
        }

        return new FakeRequestPath(resource, ns, name, subresource);
    }
}
