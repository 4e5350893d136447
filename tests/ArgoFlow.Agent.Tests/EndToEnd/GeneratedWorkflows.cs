using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Apply;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Agent.Tests.EndToEnd;

/// <summary>
/// WorkflowTemplates made by the real generator from a sample spec whose services point at the test host, turned
/// into the JSON the API server would store (read as `argoflow apply` reads manifests), and the Workflows
/// `argoflow submit` would create from them.
/// </summary>
internal static class GeneratedWorkflows
{
    /// <summary>The sample spec <paramref name="sample"/> with its steps' services at <paramref name="host"/>.</summary>
    public static JsonObject Template(string sample, GeneratorOptions options, string grpcAddress, Uri httpBase, string? nameSuffix = null)
    {
        var text = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "samples", "pipelines", sample + ".yaml"));
        var defaults = $"    default: {{grpc: \"{grpcAddress}\", http: \"{httpBase.GetLeftPart(UriPartial.Authority)}\"}}\n";
        // A sample with its own services block (replicas, autoscaling) keeps it; the default address joins it.
        text = text.Contains("\n  services:\n", StringComparison.Ordinal)
            ? text.Replace("\n  services:\n", "\n  services:\n" + defaults, StringComparison.Ordinal)
            : text.Replace("spec:\n", "spec:\n  services:\n" + defaults, StringComparison.Ordinal);
        var spec = PipelineSpecReader.Read(text, sample + ".yaml");
        var generated = PipelineGenerator.Generate([spec], options with { NameSuffix = nameSuffix ?? string.Empty });
        var yaml = generated.Single(f => f.Path.EndsWith("/workflowtemplate.yaml", StringComparison.Ordinal)).Content;
        return ManifestReader.Parse(sample + ".yaml", yaml).Single().Body;
    }

    /// <summary>A Workflow referring to the template, as `argoflow submit` creates it.</summary>
    public static JsonObject Workflow(string name, string template, IReadOnlyDictionary<string, string> parameters) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Workflow",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "argo" },
        ["spec"] = new JsonObject
        {
            ["workflowTemplateRef"] = new JsonObject { ["name"] = template },
            ["arguments"] = new JsonObject
            {
                ["parameters"] = new JsonArray(parameters.Select(p => (JsonNode?)new JsonObject { ["name"] = p.Key, ["value"] = p.Value }).ToArray()),
            },
        },
    };
}
