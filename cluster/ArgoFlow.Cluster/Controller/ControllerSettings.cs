namespace ArgoFlow.Cluster.Controller;

/// <summary>
/// The workflow-controller settings that bound how fast an HTTP or plugin step can finish, as read from its
/// Deployment. A null value means "not set" (the controller default applies); <see cref="Readable"/> is false when
/// the Deployment could not be read, with the reason in <see cref="Problem"/>.
/// </summary>
public sealed record ControllerSettings
{
    public required string Namespace { get; init; }

    public bool Readable { get; init; }

    public string? Problem { get; init; }

    /// <summary>DEFAULT_REQUEUE_TIME (controller default 10s).</summary>
    public string? DefaultRequeueTime { get; init; }

    /// <summary>ARGO_AGENT_PATCH_RATE (default: the requeue time).</summary>
    public string? AgentPatchRate { get; init; }

    /// <summary>ARGO_EXECUTOR_PLUGINS (plugin mode needs "true").</summary>
    public string? ExecutorPlugins { get; init; }

    /// <summary>
    /// <c>disableAgentPodCreation</c> from the workflow-controller-configmap (Argo v4.1), null when unset or not
    /// readable. "true": the controller creates no agent pod, an external agent (<c>argoflow agent</c>) runs every
    /// http and plugin step - the signal `bench --cluster` reports.
    /// </summary>
    public string? DisableAgentPodCreation { get; init; }

    /// <summary>
    /// Why <see cref="DisableAgentPodCreation"/> is unknown (the ConfigMap was not readable, or the controller was not
    /// found); null when the ConfigMap was read or is absent, so a null setting then means "unset" for certain.
    /// </summary>
    public string? ConfigMapProblem { get; init; }

    /// <summary>The controller's agent mode is known: <see cref="ExternalAgent"/> is a fact, not a default.</summary>
    public bool AgentModeKnown => Readable && ConfigMapProblem is null;

    /// <summary>http and plugin steps run in an external agent, not in a per-workflow agent pod.</summary>
    public bool ExternalAgent => string.Equals(DisableAgentPodCreation, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The image of the controller, for the report.</summary>
    public string? Image { get; init; }
}
