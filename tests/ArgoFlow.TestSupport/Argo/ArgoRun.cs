using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArgoFlow.TestSupport.Argo;

/// <summary>
/// Walks a WorkflowTemplate's entrypoint (a DAG, or one template) as Argo would and substitutes each task's
/// arguments and then its template (<see cref="ArgoSubstitution"/>): workflow parameters take their defaults (or
/// the overrides given), each finished task's <c>outputs.result</c> is a response JSON with every output
/// field ArgoFlow reads or what the caller's executor answered, and the template's <c>inputs.parameters</c> are
/// the task's substituted arguments.
/// </summary>
public static class ArgoRun
{
    /// <summary>
    /// Hands each task's substituted template to <paramref name="execute"/> (name, template) in file order (the
    /// generator writes tasks in dependency order); its answer is the task's <c>outputs.result</c>.
    /// </summary>
    public static async Task RunAsync(
        JsonElement workflowTemplate, IReadOnlyDictionary<string, string>? overrides, Func<string, JsonNode, Task<string>> execute)
    {
        ArgumentNullException.ThrowIfNull(execute);
        var spec = JsonNode.Parse(workflowTemplate.GetRawText())!["spec"]!;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in spec["arguments"]?["parameters"]?.AsArray() ?? [])
        {
            var name = (string)parameter!["name"]!;
            values["workflow.parameters." + name] = overrides?.GetValueOrDefault(name) ?? (string?)parameter["value"] ?? "x";
        }

        var templates = spec["templates"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => t!);
        var entry = templates[(string)spec["entrypoint"]!];
        var tasks = entry["dag"]?["tasks"]?.AsArray().Select(t => t!).ToList()
            ?? [new JsonObject { ["name"] = (string)entry["name"]!, ["template"] = (string)entry["name"]! }];
        foreach (var task in tasks)
        {
            var arguments = new ArgoSubstitution(values).Apply(task["arguments"]?.DeepClone() ?? new JsonObject());
            var local = new Dictionary<string, string>(values, StringComparer.Ordinal);
            foreach (var argument in arguments["parameters"]?.AsArray() ?? [])
            {
                local["inputs.parameters." + (string)argument!["name"]!] = (string)argument["value"]!;
            }

            var taskName = (string)task["name"]!;
            var template = new ArgoSubstitution(local).Apply(templates[(string)task["template"]!].DeepClone());
            values[$"tasks.{taskName}.outputs.result"] = await execute(taskName, template);
        }
    }

    /// <summary>Every task's substituted template, each earlier task answering <see cref="SampleResult"/>.</summary>
    public static async Task<IReadOnlyList<(string Name, JsonNode Template)>> SubstitutedAsync(JsonElement workflowTemplate)
    {
        var templates = new List<(string, JsonNode)>();
        await RunAsync(workflowTemplate, null, (name, template) =>
        {
            templates.Add((name, template));
            return Task.FromResult(SampleResult(name));
        });
        return templates;
    }

    /// <summary>A response with every output field a later step reads (<c>$.output</c>, <c>$.detectionsUri</c>...).</summary>
    public static string SampleResult(string task) => new JsonObject
    {
        ["output"] = $"s3://out/{task}.png",
        ["input"] = "s3://in/a.jpg",
        ["detectionsUri"] = $"s3://out/{task}.json",
        ["annotatedUri"] = $"s3://out/{task}.annotated.jpg",
    }.ToJsonString();
}
