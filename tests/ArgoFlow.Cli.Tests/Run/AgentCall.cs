using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ArgoFlow.Steps.Plugin;

namespace ArgoFlow.Cli.Tests.Run;

/// <summary>What Argo's agent sends the executor plugin for one node: POST template.execute with the bearer token.</summary>
internal static class AgentCall
{
    /// <summary>Posts <paramref name="template"/> (already substituted) and returns the reply's <c>node</c>.</summary>
    public static async Task<JsonNode> ExecuteAsync(HttpClient http, PluginHost plugin, string token, string workflow, JsonNode template)
    {
        var body = new JsonObject
        {
            ["workflow"] = new JsonObject { ["metadata"] = new JsonObject { ["name"] = workflow, ["namespace"] = "argo", ["uid"] = workflow + "-uid" } },
            ["template"] = template,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(plugin.Url, PluginHost.ExecutePath))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["node"]!;
    }
}
