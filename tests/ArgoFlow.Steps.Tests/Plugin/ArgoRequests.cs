using System.Text.Json.Nodes;

namespace ArgoFlow.Steps.Tests.Plugin;

/// <summary>
/// template.execute bodies in the shape Argo's agent sends (docs/executor_plugins.md, executor_swagger.md):
/// <c>{"workflow": {"metadata": {name, namespace, uid}}, "template": {name, inputs, outputs, plugin: {NAME: {...}}}}</c>.
/// </summary>
public static class ArgoRequests
{
    public static string Argoflow(string type, string endpoint, JsonObject request, int timeoutSeconds = 30, string template = "resize") =>
        Body(template, "argoflow", new JsonObject
        {
            ["type"] = type,
            ["endpoint"] = endpoint,
            ["timeoutSeconds"] = timeoutSeconds,
            ["request"] = request,
        });

    public static string Body(string template, string pluginName, JsonNode pluginValue) => new JsonObject
    {
        ["workflow"] = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "classic-x7k2p", ["namespace"] = "argo", ["uid"] = "0b1c2d3e-uid" },
        },
        ["template"] = new JsonObject
        {
            ["name"] = template,
            ["inputs"] = new JsonObject(),
            ["outputs"] = new JsonObject(),
            ["metadata"] = new JsonObject(),
            ["plugin"] = new JsonObject { [pluginName] = pluginValue },
        },
    }.ToJsonString();
}
