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

    /// <summary>The image of the controller, for the report.</summary>
    public string? Image { get; init; }
}
