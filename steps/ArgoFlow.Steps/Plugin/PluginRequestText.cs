using System.Text.Json.Nodes;
using ArgoFlow.Core.Catalog;

namespace ArgoFlow.Steps.Plugin;

/// <summary>
/// The request object of a <c>plugin.argoflow</c> block with every value Argo substituted as text read as the
/// catalogue's type (<see cref="SubstitutedText"/>): <c>"scoreThreshold": "0.4"</c> becomes 0.4, <c>"classes":
/// "[\"person\"]"</c> a list. Protobuf's JSON parser would refuse the strings ("Unsupported conversion from JSON
/// string for field type Bool", "Repeated field value was not an array"). The pipeline request carries only text.
/// </summary>
internal static class PluginRequestText
{
    /// <summary>
    /// The request JSON with typed values; <paramref name="problems"/> lists each value that cannot be read, as
    /// <c>plugin.argoflow.request.FIELD: expected ..., got 'TEXT'</c>.
    /// </summary>
    public static string Read(PluginStepConfig step, out IReadOnlyList<string> problems)
    {
        problems = [];
        if (step.Binding.Type is not { } type || JsonNode.Parse(step.RequestJson) is not JsonObject request)
        {
            return step.RequestJson;
        }

        problems = SubstitutedText.Normalize(type, request).Select(p => "plugin.argoflow.request." + p).ToList();
        return request.ToJsonString();
    }
}
