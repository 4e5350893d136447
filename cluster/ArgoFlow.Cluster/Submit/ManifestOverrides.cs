using System.Text.Json.Nodes;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Submit;

/// <summary>
/// Applies the submit flags to a Workflow manifest as `argo submit` does: -p replaces the value of a declared
/// argument (an undeclared name is an error), --labels merge, --generate-name replaces the name, --service-account
/// sets spec.serviceAccountName. The namespace is the one in use.
/// </summary>
internal static class ManifestOverrides
{
    public static void Apply(JsonObject body, string ns, SubmitRequest request, string where)
    {
        var metadata = body["metadata"] as JsonObject ?? new JsonObject();
        body["metadata"] = metadata;
        var docNs = (string?)metadata["namespace"];
        if (docNs is not null && docNs != ns)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput,
                $"{where}: metadata.namespace \"{docNs}\" does not match the namespace in use \"{ns}\"", "drop it from the file or pass -n " + docNs);
        }

        metadata["namespace"] = ns;
        if (request.GenerateName is not null)
        {
            metadata.Remove("name");
            metadata["generateName"] = request.GenerateName;
        }
        else if (metadata["name"] is null && metadata["generateName"] is null)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"{where}: metadata.name or metadata.generateName is required");
        }

        if (request.Labels.Count > 0)
        {
            var labels = metadata["labels"] as JsonObject ?? new JsonObject();
            metadata["labels"] = labels;
            foreach (var (k, v) in request.Labels)
            {
                labels[k] = v;
            }
        }

        var spec = body["spec"] as JsonObject ?? throw new ArgoFlowException(ExitCode.InvalidInput, $"{where}: spec is required");
        if (request.ServiceAccount is not null)
        {
            spec["serviceAccountName"] = request.ServiceAccount;
        }

        SetParameters(spec, request, where);
    }

    private static void SetParameters(JsonObject spec, SubmitRequest request, string where)
    {
        if (request.Parameters.Count == 0)
        {
            return;
        }

        var arguments = spec["arguments"] as JsonObject ?? new JsonObject();
        spec["arguments"] = arguments;
        var list = arguments["parameters"] as JsonArray ?? new JsonArray();
        arguments["parameters"] = list;
        var unknown = new List<string>();
        foreach (var (name, value) in request.Parameters)
        {
            var existing = list.OfType<JsonObject>().FirstOrDefault(p => (string?)p["name"] == name);
            if (existing is null)
            {
                unknown.Add(name);
                continue;
            }

            existing["value"] = value;
        }

        if (unknown.Count > 0)
        {
            var declared = string.Join(", ", list.OfType<JsonObject>().Select(p => (string?)p["name"]));
            throw new ArgoFlowException(ExitCode.InvalidInput,
                $"{where}: unknown parameter(s) {string.Join(", ", unknown.Select(u => $"\"{u}\""))}",
                $"spec.arguments.parameters declares: {(declared.Length == 0 ? "(none)" : declared)}");
        }
    }
}
