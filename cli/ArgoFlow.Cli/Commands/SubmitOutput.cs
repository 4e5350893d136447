using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Rendering;
using ArgoFlow.Cluster.Watch;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cli.Commands;

/// <summary>Writes a workflow to stdout in the -o format shared by submit and get: name, json, yaml, wide or the summary.</summary>
internal static class SubmitOutput
{
    public static readonly string[] Formats = ["name", "json", "yaml", "wide"];

    public static void Check(string? format)
    {
        if (format is not null && !Formats.Contains(format))
        {
            throw new ArgoFlowException(ExitCode.Usage, $"-o {format}: expected one of {string.Join(", ", Formats)}");
        }
    }

    public static async Task WriteAsync(TextWriter output, WorkflowSnapshot snapshot, string? format, ObservationRecord? observed)
    {
        var text = format switch
        {
            "name" => snapshot.Workflow.DisplayName + "\n",
            "json" => snapshot.Raw.ToJsonString(ArgoJson.Indented) + "\n",
            "yaml" => WorkflowYaml.Serialize(snapshot.Raw),
            _ => WorkflowRenderer.Describe(snapshot.Workflow, observed, wide: format == "wide"),
        };
        await output.WriteAsync(text);
        await output.FlushAsync();
    }
}
