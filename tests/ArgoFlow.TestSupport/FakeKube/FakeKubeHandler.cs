using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>Serves one request: auth, discovery, then create/get/list/replace/delete/watch on a resource path.</summary>
internal sealed class FakeKubeHandler
{
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";
    private readonly FakeKubeServer _server;

    public FakeKubeHandler(FakeKubeServer server)
    {
        _server = server;
    }

    private FakeKubeStore Store => _server.Store;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        _server.Requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
        var auth = request.Headers.Authorization.ToString();
        if (auth != $"Bearer {_server.Token}")
        {
            await WriteAsync(context, 401, FakeStatus.Create(401, "Unauthorized", "Unauthorized")).ConfigureAwait(false);
            return;
        }

        var path = request.Path.Value ?? "/";
        if (FakeDiscovery.TryAnswer(path, _server.ArgoInstalled) is { } discovery)
        {
            await WriteAsync(context, discovery.Code, discovery.Body).ConfigureAwait(false);
            return;
        }

        var parsed = FakeRequestPath.Parse(path, out _);
        if (parsed is null || (parsed.Resource.IsArgo && !_server.ArgoInstalled))
        {
            await WriteAsync(context, 404, FakeStatus.NoSuchResource()).ConfigureAwait(false);
            return;
        }

        var watch = request.Query["watch"] is var w && (w == "true" || w == "1");
        var verb = (request.Method, parsed.Name is null, watch) switch
        {
            ("GET", true, true) => "watch",
            ("GET", true, false) => "list",
            ("GET", false, _) => "get",
            ("POST", true, _) => "create",
            ("PUT", false, _) => "update",
            ("PATCH", false, _) => "patch",
            ("DELETE", false, _) => "delete",
            _ => null,
        };
        if (verb is null || (parsed.AllNamespaces && verb is not ("list" or "watch")) ||
            (parsed.Subresource is not null && verb is not ("get" or "patch")))
        {
            await WriteAsync(context, 405, FakeStatus.Create(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource")).ConfigureAwait(false);
            return;
        }

        if (_server.IsForbidden(verb, parsed.RbacResource))
        {
            var where = parsed.Namespace is null ? "at the cluster scope" : $"in the namespace \"{parsed.Namespace}\"";
            var message = $"{parsed.Resource.Qualified}{(parsed.Name is null ? "" : $" \"{parsed.Name}\"")} is forbidden: User \"{_server.UserName}\" cannot {verb} resource \"{parsed.RbacResource}\" in API group \"{parsed.Resource.Group}\" {where}";
            await WriteAsync(context, 403, FakeStatus.Create(403, "Forbidden", message, FakeStatus.Details(parsed.Resource, parsed.Name))).ConfigureAwait(false);
            return;
        }

        if (_server.TakeFailure(verb, parsed.RbacResource) is { } failure)
        {
            var status = FakeStatus.Failure(failure, request.Query["resourceVersion"]);
            if (status["details"]?["retryAfterSeconds"] is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToJsonString();
            }

            await WriteAsync(context, failure, status).ConfigureAwait(false);
            return;
        }

        var (code, body) = verb switch
        {
            "watch" => (0, null),
            "list" => List(parsed, request.Query["fieldSelector"], request.Query["labelSelector"]),
            "get" => Get(parsed),
            "create" => Create(parsed, await ReadBodyAsync(request).ConfigureAwait(false)),
            "update" => Replace(parsed, await ReadBodyAsync(request).ConfigureAwait(false)),
            "patch" => await PatchAsync(parsed, request).ConfigureAwait(false),
            _ => Delete(parsed),
        };
        if (verb == "watch")
        {
            await new FakeWatchStream(_server.Watches).ServeAsync(context, parsed, request.Query["resourceVersion"], request.Query["fieldSelector"]).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, code, body!).ConfigureAwait(false);
    }

    private (int, JsonObject) Get(FakeRequestPath p) =>
        Store.Get(p.Resource, p.Namespace, p.Name!) is { } obj ? (200, obj) : (404, FakeStatus.NotFound(p.Resource, p.Name!));

    private (int, JsonObject) List(FakeRequestPath p, string? fieldSelector, string? labelSelector)
    {
        var name = FakeWatchStream.NameFromSelector(fieldSelector);
        // Equality terms only (k=v,k2=v2): what ArgoFlow asks for.
        var labels = (labelSelector ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Split('=', 2)).ToList();
        var items = Store.List(p.Resource, p.Namespace).Where(o => (name is null || (string?)o["metadata"]?["name"] == name) &&
            labels.All(l => l.Length == 2 && (string?)o["metadata"]?["labels"]?[l[0]] == l[1]));
        return (200, new JsonObject
        {
            ["kind"] = p.Resource.Kind + "List",
            ["apiVersion"] = p.Resource.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = Store.CurrentVersion.ToString(CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()),
        });
    }

    private (int, JsonObject) Create(FakeRequestPath p, JsonObject? body)
    {
        if (body is null)
        {
            return (400, FakeStatus.Create(400, "BadRequest", "the body of the request was in an unknown format"));
        }

        if (p.Namespace is not null && !_server.Namespaces.Contains(p.Namespace))
        {
            return (404, FakeStatus.Create(404, "NotFound", $"namespaces \"{p.Namespace}\" not found",
                new JsonObject { ["name"] = p.Namespace, ["kind"] = "namespaces" }));
        }

        var metadata = body["metadata"] as JsonObject ?? new JsonObject();
        body["metadata"] = metadata;
        if (Check(p, body, metadata) is { } bad)
        {
            return bad;
        }

        if (metadata["name"] is null && (string?)metadata["generateName"] is { Length: > 0 } prefix)
        {
            // Like the real server: one random 5-character suffix, and a clash is a 409, not a retry.
            metadata["name"] = prefix + string.Concat(Enumerable.Range(0, 5).Select(_ => SuffixAlphabet[Random.Shared.Next(SuffixAlphabet.Length)]));
        }

        var errors = Validate(p.Resource, body);
        var name = (string?)metadata["name"] ?? "";
        if (errors.Count > 0)
        {
            return (422, FakeStatus.Invalid(p.Resource, name, errors));
        }

        if (Store.Exists(p.Resource, p.Namespace, name))
        {
            return (409, FakeStatus.AlreadyExists(p.Resource, name));
        }

        metadata.Remove("resourceVersion");
        if (p.Resource.HasStatus)
        {
            // With a status subresource the API server drops status on create; only /status writes it.
            body.Remove("status");
        }

        if (p.Namespace is not null)
        {
            metadata["namespace"] = p.Namespace;
        }

        return (201, Store.Add(p.Resource, p.Namespace, body));
    }

    private (int, JsonObject) Replace(FakeRequestPath p, JsonObject? body)
    {
        if (body is null)
        {
            return (400, FakeStatus.Create(400, "BadRequest", "the body of the request was in an unknown format"));
        }

        var metadata = body["metadata"] as JsonObject ?? new JsonObject();
        body["metadata"] = metadata;
        if (Check(p, body, metadata) is { } bad)
        {
            return bad;
        }

        var name = (string?)metadata["name"];
        if (name != p.Name)
        {
            return (400, FakeStatus.Create(400, "BadRequest", $"the name of the object ({name}) does not match the name on the URL ({p.Name})"));
        }

        if (!Store.Exists(p.Resource, p.Namespace, p.Name!))
        {
            return (404, FakeStatus.NotFound(p.Resource, p.Name!));
        }

        var errors = Validate(p.Resource, body);
        var version = (string?)metadata["resourceVersion"];
        if (version is null && p.Resource.IsArgo)
        {
            // Custom resources have no unconditional update: the version must be sent back.
            errors.Add(new FakeFieldError("metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update"));
        }

        if (errors.Count > 0)
        {
            return (422, FakeStatus.Invalid(p.Resource, name!, errors));
        }

        if (p.Namespace is not null)
        {
            metadata["namespace"] = p.Namespace;
        }

        if (p.Resource.HasStatus)
        {
            body.Remove("status");
            if (Store.Get(p.Resource, p.Namespace, p.Name!)?["status"] is { } status)
            {
                body["status"] = status.DeepClone();
            }
        }

        var stored = Store.Replace(p.Resource, p.Namespace, body, version);
        return stored is null ? (409, FakeStatus.Conflict(p.Resource, name!)) : (200, stored);
    }

    private async Task<(int, JsonObject)> PatchAsync(FakeRequestPath p, HttpRequest request)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType != FakeMergePatch.MediaType)
        {
            return (415, FakeStatus.Create(415, "UnsupportedMediaType", FakeMergePatch.UnsupportedMessage));
        }

        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        return body is null
            ? (400, FakeStatus.Create(400, "BadRequest", "error decoding patch: the patch is not a JSON object"))
            : FakeMergePatch.Apply(_server, p, body);
    }

    private (int, JsonObject) Delete(FakeRequestPath p) =>
        Store.Delete(p.Resource, p.Namespace, p.Name!)
            ? (200, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["details"] = FakeStatus.Details(p.Resource, p.Name) })
            : (404, FakeStatus.NotFound(p.Resource, p.Name!));

    private static (int, JsonObject)? Check(FakeRequestPath p, JsonObject body, JsonObject metadata)
    {
        var kind = (string?)body["kind"];
        var apiVersion = (string?)body["apiVersion"];
        if (kind != p.Resource.Kind || apiVersion != p.Resource.ApiVersion)
        {
            return (400, FakeStatus.Create(400, "BadRequest",
                $"the API version in the data ({apiVersion}) does not match the expected API version ({p.Resource.ApiVersion})"));
        }

        var ns = (string?)metadata["namespace"];
        if (ns is not null && ns != p.Namespace)
        {
            return (400, FakeStatus.Create(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request"));
        }

        return null;
    }

    private List<FakeFieldError> Validate(FakeResource resource, JsonObject body) =>
        [.. FakeValidation.Check(resource, body), .. _server.ExtraValidation(resource, body)];

    private static async Task<JsonObject?> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<JsonObject>(request.Body).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static async Task WriteAsync(HttpContext context, int code, JsonObject body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8).ConfigureAwait(false);
    }
}
