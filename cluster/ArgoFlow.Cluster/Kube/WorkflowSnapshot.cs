using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Argo;

namespace ArgoFlow.Cluster.Kube;

/// <summary>A workflow as the server sent it: the typed view for logic, the raw object for -o json/yaml.</summary>
public sealed record WorkflowSnapshot(Workflow Workflow, JsonObject Raw)
{
    public string Name => Workflow.Metadata.Name ?? "";

    public string? ResourceVersion => Workflow.Metadata.ResourceVersion;

    public string? Phase => Workflow.Status?.Phase;

    public bool IsCompleted => WorkflowPhase.IsCompleted(Phase);

    public static WorkflowSnapshot From(JsonObject raw) => new(ArgoJson.FromNode<Workflow>(raw), raw);
}
