using System.Text.Json.Nodes;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Cli.Commands;

/// <summary>-o yaml for workflows, through the one YAML serializer (templates/ArgoFlow.Templates/Yaml).</summary>
internal static class WorkflowYaml
{
    public static string Serialize(JsonObject workflow) => ManifestYaml.Serialize(workflow);
}
