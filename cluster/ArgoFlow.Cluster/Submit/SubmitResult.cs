using ArgoFlow.Cluster.Kube;

namespace ArgoFlow.Cluster.Submit;

/// <summary>The workflow as created by the server (or as it would be sent, for a dry run).</summary>
public sealed record SubmitResult(WorkflowSnapshot Workflow, bool Created);
