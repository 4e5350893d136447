using System.Text.Json.Nodes;

namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>
/// PATCH with <c>application/merge-patch+json</c> (RFC 7386) as the API server applies it: a null removes a key,
/// an object merges into an object, anything else replaces. On a kind with a status subresource, a patch of the
/// object keeps the stored status and a patch of <c>/status</c> keeps everything but status (metadata included),
/// as the API server does for custom resources. <c>metadata.resourceVersion</c> in the patch is a precondition.
/// </summary>
internal static class FakeMergePatch
{
    public const string MediaType = "application/merge-patch+json";

    public static readonly string UnsupportedMessage =
        "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml";

    /// <summary>The patched object, or the error Status to answer with.</summary>
    public static (int Code, JsonObject Body) Apply(FakeKubeServer server, FakeRequestPath p, JsonObject patch)
    {
        var store = server.Store;
        var expected = (string?)patch["metadata"]?["resourceVersion"];
        (int, JsonObject)? failure = null;
        var result = store.Patch(p.Resource, p.Namespace, p.Name!, current =>
        {
            var live = (string?)current["metadata"]?["resourceVersion"];
            if (expected is not null && expected != live)
            {
                failure = (409, FakeStatus.Conflict(p.Resource, p.Name!));
                return null;
            }

            var next = (JsonObject)Merge(current.DeepClone(), patch)!;
            if (p.Resource.HasStatus)
            {
                next = p.Subresource == "status" ? WithStatusOf(current, next) : WithStatusOf(next, current);
            }

            next["metadata"]!["name"] = p.Name;
            next["metadata"]!["namespace"] = p.Namespace;
            next["kind"] = p.Resource.Kind;
            next["apiVersion"] = p.Resource.ApiVersion;
            var errors = FakeValidation.Check(p.Resource, next).Concat(server.ExtraValidation(p.Resource, next)).ToList();
            if (errors.Count > 0)
            {
                failure = (422, FakeStatus.Invalid(p.Resource, p.Name!, errors));
                return null;
            }

            return next;
        });
        return result is null
            ? failure ?? (404, FakeStatus.NotFound(p.Resource, p.Name!))
            : (200, result);
    }

    /// <summary>RFC 7386 MergePatch(target, patch).</summary>
    public static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var merged = Merge(result[key]?.DeepClone(), value);
                result[key] = merged;
            }
        }

        return result;
    }

    /// <summary><paramref name="baseObject"/> with the status of <paramref name="statusSource"/>.</summary>
    private static JsonObject WithStatusOf(JsonObject baseObject, JsonObject statusSource)
    {
        var result = baseObject.DeepClone().AsObject();
        result.Remove("status");
        if (statusSource["status"] is { } status)
        {
            result["status"] = status.DeepClone();
        }

        return result;
    }
}
