using System.Text.Json.Nodes;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cli.Commands;

/// <summary>-o yaml for workflows, through the one YAML serializer (templates/ArgoFlow.Templates/Yaml).</summary>
internal static class WorkflowYaml
{
    public static string Serialize(JsonObject workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        throw new ArgoFlowException(ExitCode.Usage, "-o yaml: TEMPORARY until the shared YAML serializer is merged");
    }
}
