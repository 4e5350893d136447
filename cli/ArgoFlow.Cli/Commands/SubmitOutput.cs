using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Controller;
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

    /// <param name="agent">`get` only: where the http and plugin steps ran; json and yaml carry it under the
    /// top-level key <c>argoflow.agent</c>, beside the workflow's own fields (which stay as the server sent them).</param>
    public static async Task WriteAsync(TextWriter output, WorkflowSnapshot snapshot, string? format, ObservationRecord? observed, AgentRoute? agent = null)
    {
        var text = format switch
        {
            "name" => snapshot.Workflow.DisplayName + "\n",
            "json" => WithAgent(snapshot.Raw, agent).ToJsonString(ArgoJson.Indented) + "\n",
            "yaml" => WorkflowYaml.Serialize(WithAgent(snapshot.Raw, agent)),
            _ => WorkflowRenderer.Describe(snapshot.Workflow, observed, wide: format == "wide", agent),
        };
        await output.WriteAsync(text);
        await output.FlushAsync();
    }

    private static JsonObject WithAgent(JsonObject raw, AgentRoute? agent)
    {
        if (agent is null)
        {
            return raw;
        }

        var copy = raw.DeepClone().AsObject();
        copy["argoflow"] = new JsonObject { ["agent"] = agent.ToJson() };
        return copy;
    }
}
