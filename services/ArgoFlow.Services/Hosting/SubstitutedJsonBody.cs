using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Core.Catalog;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// Reads a step's HTTP/JSON body the way the plugin sidecar reads its request: a parameter whose value arrived as
/// text (a generated http template writes every value taken from a workflow parameter as a toJson string, because
/// Argo substitutes tags as text) is read as the catalogue's type (<see cref="SubstitutedText"/>), and the body the
/// transcoder sees is rewritten with the typed values. A value that cannot be read is a problem naming the field and
/// the text, answered as INVALID_ARGUMENT.
/// </summary>
internal static class SubstitutedJsonBody
{
    /// <summary>Rewrites the buffered body in place when a value changed; returns the problems.</summary>
    public static async Task<IReadOnlyList<string>> NormalizeAsync(HttpRequest request, MethodDescriptor method, CancellationToken cancellationToken)
    {
        var type = StepCatalog.All.FirstOrDefault(t => t.GrpcService == method.Service.FullName && t.GrpcMethod == method.Name);
        if (type is null)
        {
            return [];
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        finally
        {
            request.Body.Position = 0;
        }

        if (body is null || !type.Parameters.Any(p => body[p.Name] is JsonValue v && v.GetValueKind() == JsonValueKind.String))
        {
            return [];
        }

        var problems = SubstitutedText.Normalize(type, body);
        if (problems.Count == 0)
        {
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            request.Body = new MemoryStream(bytes, writable: false);
            request.ContentLength = bytes.Length;
        }

        return problems;
    }
}
