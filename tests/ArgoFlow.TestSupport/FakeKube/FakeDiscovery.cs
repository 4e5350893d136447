using System.Text.Json.Nodes;

namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>
/// Discovery documents: <c>/api</c> (APIVersions), <c>/apis</c> (APIGroupList) and <c>/api/v1</c>,
/// <c>/apis/GROUP/VERSION</c> (APIResourceList). Without Argo, argoproj.io is absent and its path is a 404.
/// </summary>
internal static class FakeDiscovery
{
    public static (int Code, JsonObject Body)? TryAnswer(string path, bool argoInstalled)
    {
        path = path.TrimEnd('/');
        if (path == "/api")
        {
            return (200, new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1") });
        }

        var groups = FakeResource.All.Where(r => r.Group.Length > 0 && (argoInstalled || !r.IsArgo))
            .Select(r => (r.Group, r.Version)).Distinct().ToList();
        if (path == "/apis")
        {
            return (200, new JsonObject
            {
                ["kind"] = "APIGroupList",
                ["apiVersion"] = "v1",
                ["groups"] = new JsonArray(groups.Select(g => (JsonNode)new JsonObject
                {
                    ["name"] = g.Group,
                    ["versions"] = new JsonArray(new JsonObject { ["groupVersion"] = $"{g.Group}/{g.Version}", ["version"] = g.Version }),
                    ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{g.Group}/{g.Version}", ["version"] = g.Version },
                }).ToArray()),
            });
        }

        var groupVersion = path == "/api/v1" ? ("", "v1") : groups.FirstOrDefault(g => path == $"/apis/{g.Group}/{g.Version}");
        if (groupVersion == default)
        {
            return path.Split('/').Length <= 4 && path.StartsWith("/apis/", StringComparison.Ordinal)
                ? (404, FakeStatus.NoSuchResource())
                : null;
        }

        var resources = FakeResource.All.Where(r => r.Group == groupVersion.Item1 && r.Version == groupVersion.Item2);
        return (200, new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = groupVersion.Item1.Length == 0 ? "v1" : $"{groupVersion.Item1}/{groupVersion.Item2}",
            ["resources"] = new JsonArray(resources.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Plural,
                ["singularName"] = r.Kind.ToLowerInvariant(),
                ["namespaced"] = r.Namespaced,
                ["kind"] = r.Kind,
                ["verbs"] = new JsonArray("create", "delete", "get", "list", "patch", "update", "watch"),
            }).ToArray()),
        });
    }
}
