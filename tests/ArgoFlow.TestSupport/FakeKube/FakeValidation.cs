using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>
/// The checks a real API server makes on create/update that ArgoFlow can trip over: metadata.name as an RFC 1123
/// subdomain, name or generateName present, and for Argo kinds the CRD's name patterns for templates and
/// parameters. Tests can add their own rules through <see cref="FakeKubeServer.AddValidator"/>.
/// </summary>
internal static partial class FakeValidation
{
    private const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    public static List<FakeFieldError> Check(FakeResource resource, JsonObject obj)
    {
        var errors = new List<FakeFieldError>();
        var name = (string?)obj["metadata"]?["name"];
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new FakeFieldError("metadata.name", "Required value: name or generateName is required", "FieldValueRequired"));
        }
        else if (name.Length > 253 || !Subdomain().IsMatch(name))
        {
            errors.Add(new FakeFieldError("metadata.name", $"Invalid value: \"{name}\": {SubdomainMessage}"));
        }

        if (resource.IsArgo && obj["spec"] is not JsonObject)
        {
            errors.Add(new FakeFieldError("spec", "Required value", "FieldValueRequired"));
        }

        if (obj["spec"]?["templates"] is JsonArray templates)
        {
            for (var i = 0; i < templates.Count; i++)
            {
                var t = (string?)templates[i]?["name"];
                if (t is null || !TemplateName().IsMatch(t) || t.Length > 128)
                {
                    errors.Add(new FakeFieldError($"spec.templates[{i}].name", $"Invalid value: \"{t}\": spec.templates[{i}].name in body should match '^[a-zA-Z0-9][-a-zA-Z0-9]*$'"));
                }
            }
        }

        if (obj["spec"]?["arguments"]?["parameters"] is JsonArray parameters)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                var p = (string?)parameters[i]?["name"];
                if (p is null || !ParameterName().IsMatch(p))
                {
                    errors.Add(new FakeFieldError($"spec.arguments.parameters[{i}].name", $"Invalid value: \"{p}\": spec.arguments.parameters[{i}].name in body should match '^[a-zA-Z0-9_][-a-zA-Z0-9_]*$'"));
                }
            }
        }

        if (resource == FakeResource.WorkflowTaskSets)
        {
            CheckNodeResults(obj, errors);
        }

        return errors;
    }

    /// <summary>The CRD's structural schema for <c>status.nodes</c>: the string fields must be strings.</summary>
    private static void CheckNodeResults(JsonObject obj, List<FakeFieldError> errors)
    {
        if (obj["status"]?["nodes"] is not JsonObject nodes)
        {
            return;
        }

        foreach (var (nodeId, result) in nodes)
        {
            foreach (var (field, value) in new[] { ("phase", result?["phase"]), ("message", result?["message"]), ("progress", result?["progress"]), ("outputs.result", result?["outputs"]?["result"]) })
            {
                if (value is not null && value.GetValueKind() != System.Text.Json.JsonValueKind.String)
                {
                    var path = $"status.nodes.{nodeId}.{field}";
                    var kind = value.GetValueKind().ToString().ToLowerInvariant();
                    errors.Add(new FakeFieldError(path, $"Invalid value: \"{kind}\": {path} in body must be of type string: \"{kind}\""));
                }
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-zA-Z0-9][-a-zA-Z0-9]*$")]
    private static partial Regex TemplateName();

    [GeneratedRegex("^[a-zA-Z0-9_][-a-zA-Z0-9_]*$")]
    private static partial Regex ParameterName();
}
