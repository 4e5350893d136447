namespace ArgoFlow.Cluster.Controller;

/// <summary>Where a workflow's http and plugin steps ran (<see cref="AgentRoute"/>).</summary>
public enum AgentMode
{
    /// <summary>The workflow has no http or plugin node: no agent of either kind was involved.</summary>
    None,

    /// <summary>Argo's own agent pod (<c>WORKFLOW-HASH-agent</c>), one per workflow.</summary>
    AgentPod,

    /// <summary>An external agent (<c>argoflow agent</c>): the controller has <c>disableAgentPodCreation: "true"</c> and no agent pod exists.</summary>
    ExternalAgent,

    /// <summary>The controller's setting could not be read and no agent pod was seen.</summary>
    Unknown,
}
