using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArgoFlow.TestSupport.Argo;

namespace ArgoFlow.Cli.Tests.Run;

/// <summary>
/// Walks a generated WorkflowTemplate's entrypoint (a DAG, or a single fused template) the way Argo would for these templates: YAML turned into JSON
/// as Kubernetes does (plain scalars typed, quoted ones strings), task arguments and <c>{{inputs.parameters.X}}</c>,
/// <c>{{workflow.parameters.X}}</c>, their <c>{{=toJson(...)}}</c> forms and
/// <c>{{=jsonpath(tasks.T.outputs.result, '$.f')}}</c> substituted in the JSON text as Argo does it
/// (<see cref="ArgoTags"/>), each task's template handed to <paramref name="execute"/> which returns its
/// <c>outputs.result</c>.
/// </summary>
internal sealed partial class ArgoTemplateSimulator(string workflowTemplatePath, string serviceTarget, Uri? httpBase = null)
{
    private readonly JsonObject document = GeneratedYaml.Document(File.ReadAllText(workflowTemplatePath));

    /// <summary>Runs every task in file order (the generator writes them in dependency order); returns task -> result.</summary>
    public async Task<Dictionary<string, string>> RunAsync(
        IReadOnlyDictionary<string, string> workflowParameters, Func<JsonObject, Task<string>> execute)
    {
        var templates = document["spec"]!["templates"]!.AsArray().Select(t => t!.AsObject()).ToDictionary(t => (string)t["name"]!);
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        var entry = templates[(string)document["spec"]!["entrypoint"]!];
        var tasks = entry["dag"]?["tasks"]?.AsArray().Select(t => t!.AsObject()).ToList()
            ?? [new JsonObject { ["name"] = (string)entry["name"]!, ["template"] = (string)entry["name"]! }];
        foreach (var task in tasks)
        {
            var arguments = (task["arguments"]?["parameters"]?.AsArray() ?? [])
                .ToDictionary(
                    p => (string)p!["name"]!,
                    p => JsonSerializer.Deserialize<string>(Substitute(ArgoTags.Quote((string)p!["value"]!), workflowParameters, results, null))!,
                    StringComparer.Ordinal);
            var template = templates[(string)task["template"]!].DeepClone().AsObject();
            var text = Substitute(ArgoTags.Serialize(template), workflowParameters, results, arguments);
            results[(string)task["name"]!] = await execute(JsonNode.Parse(text)!.AsObject());
        }

        return results;
    }

    private string Substitute(
        string text,
        IReadOnlyDictionary<string, string> workflow,
        Dictionary<string, string> results,
        Dictionary<string, string>? inputs)
    {
        text = ClusterEndpoint().Replace(text, serviceTarget);
        if (httpBase is not null)
        {
            text = ClusterHttpBase().Replace(text, httpBase.GetLeftPart(UriPartial.Authority));
        }

        text = ArgoTags.Substitute(text, "workflow.parameters", workflow);
        text = JsonPath().Replace(text, m =>
        {
            var task = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            return ArgoTags.InJsonString((string)JsonNode.Parse(results[task])![m.Groups[3].Value]!);
        });
        return inputs is null ? text : ArgoTags.Substitute(text, "inputs.parameters", inputs);
    }

    [GeneratedRegex(@"argoflow-[a-z]+(?:-headless)?\.[a-z0-9-]+\.svc\.cluster\.local:9090")]
    private static partial Regex ClusterEndpoint();

    [GeneratedRegex(@"http://argoflow-[a-z]+\.[a-z0-9-]+\.svc\.cluster\.local:8080")]
    private static partial Regex ClusterHttpBase();

    [GeneratedRegex(@"\{\{=jsonpath\(tasks(?:\.([\w-]+)|\['([\w-]+)'\])\.outputs\.result, '\$\.(\w+)'\)\}\}")]
    private static partial Regex JsonPath();
}
