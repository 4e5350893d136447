using System.Text.Json;

namespace ArgoFlow.Steps.Plugin;

/// <summary>
/// The part of Argo's <c>template.execute</c> request ArgoFlow reads: the workflow it belongs to and the
/// template's <c>plugin.argoflow</c> object (<c>{type, endpoint, timeoutSeconds, request}</c>).
/// </summary>
/// <param name="Workflow">namespace/name of the workflow, for messages and logs.</param>
/// <param name="WorkflowUid">The workflow's uid (or namespace/name when Argo sends none): identifies a call across requeues.</param>
/// <param name="TemplateName">The template's name.</param>
/// <param name="Config">The <c>argoflow</c> object under <c>plugin</c>; null when the template is not ours.</param>
/// <param name="RawTemplate">The template as Argo sent it, to tell repeated requests for the same node apart.</param>
public sealed record PluginTemplate(string Workflow, string WorkflowUid, string TemplateName, JsonElement? Config, string RawTemplate)
{
    public const string PluginName = "argoflow";

    /// <summary>Parses the request body; throws <see cref="JsonException"/> with the problem when it is not Argo's shape.</summary>
    public static PluginTemplate Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the body must be a JSON object with 'workflow' and 'template'");
        }

        if (!root.TryGetProperty("template", out var template) || template.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("'template' is missing or not an object");
        }

        var metadata = root.TryGetProperty("workflow", out var workflow) && workflow.ValueKind == JsonValueKind.Object &&
            workflow.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var name = Text(metadata, "name");
        var ns = Text(metadata, "namespace");
        var qualified = string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";
        var uid = Text(metadata, "uid");
        JsonElement? config = template.TryGetProperty("plugin", out var plugin) && plugin.ValueKind == JsonValueKind.Object &&
            plugin.TryGetProperty(PluginName, out var ours) ? ours.Clone() : null;
        return new PluginTemplate(
            qualified, string.IsNullOrEmpty(uid) ? qualified : uid, Text(template, "name"), config, template.GetRawText());
    }

    private static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) &&
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}
