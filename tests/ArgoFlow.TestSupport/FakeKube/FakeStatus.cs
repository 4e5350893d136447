using System.Text.Json.Nodes;

namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>Builds the API server's Status error bodies exactly as it sends them.</summary>
public static class FakeStatus
{
    public static JsonObject Create(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return status;
    }

    public static JsonObject Details(FakeResource resource, string? name) =>
        name is null
            ? new JsonObject { ["group"] = resource.Group, ["kind"] = resource.Plural }
            : new JsonObject { ["name"] = name, ["group"] = resource.Group, ["kind"] = resource.Plural };

    public static JsonObject NotFound(FakeResource resource, string name) =>
        Create(404, "NotFound", $"{resource.Qualified} \"{name}\" not found", Details(resource, name));

    public static JsonObject NoSuchResource() =>
        Create(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    public static JsonObject AlreadyExists(FakeResource resource, string name) =>
        Create(409, "AlreadyExists", $"{resource.Qualified} \"{name}\" already exists", Details(resource, name));

    public static JsonObject Conflict(FakeResource resource, string name) =>
        Create(409, "Conflict",
            $"Operation cannot be fulfilled on {resource.Qualified} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Details(resource, name));

    /// <summary>The Status of an injected failure, worded as a real API server words it.</summary>
    public static JsonObject Failure(int code, string? resourceVersion) => code switch
    {
        410 => Create(410, "Expired", $"too old resource version: {resourceVersion} (injected)"),
        429 => Create(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later",
            new JsonObject { ["retryAfterSeconds"] = 1 }),
        503 => Create(503, "ServiceUnavailable", "the server is currently unable to handle the request"),
        504 => Create(504, "Timeout", "the server was unable to return a response in the time allotted, but may still be processing the request"),
        _ => Create(code, "InternalError", "Internal error occurred: etcdserver: request timed out"),
    };

    public static JsonObject Gone(string requested, long current) =>
        Create(410, "Expired", $"too old resource version: {requested} ({current})");

    public static JsonObject Invalid(FakeResource resource, string name, IReadOnlyList<FakeFieldError> errors)
    {
        var details = Details(resource, name);
        details["kind"] = resource.Kind;
        details["causes"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject
        {
            ["reason"] = e.Reason,
            ["message"] = e.Message,
            ["field"] = e.Field,
        }).ToArray());
        var group = resource.Group.Length == 0 ? "" : "." + resource.Group;
        var list = string.Join(", ", errors.Select(e => $"{e.Field}: {e.Message}"));
        return Create(422, "Invalid", $"{resource.Kind}{group} \"{name}\" is invalid: {(errors.Count == 1 ? list : $"[{list}]")}", details);
    }
}
