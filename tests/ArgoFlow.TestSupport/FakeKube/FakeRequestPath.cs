namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>
/// A parsed resource path: <c>/api/v1/namespaces/NS/PLURAL[/NAME]</c>, <c>/apis/G/V/namespaces/NS/PLURAL[/NAME]</c>
/// or <c>/apis/G/V/PLURAL[/NAME]</c> for cluster-scoped kinds. Null for anything else.
/// </summary>
internal sealed record FakeRequestPath(FakeResource Resource, string? Namespace, string? Name)
{
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

        if (parts.Length - rest is < 1 or > 2)
        {
            return null;
        }

        var resource = FakeResource.All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == parts[rest]);
        if (resource is null || resource.Namespaced != (ns is not null))
        {
            return null;
        }

        return new FakeRequestPath(resource, ns, parts.Length - rest == 2 ? parts[rest + 1] : null);
    }
}
