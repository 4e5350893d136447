using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Steps.Plugin;

/// <summary>Settings of `argoflow plugin serve`.</summary>
public sealed class PluginOptions
{
    /// <summary>The port Argo's agent calls on localhost. Default 4355 (<see cref="ServicePorts.Plugin"/>).</summary>
    public int Port { get; init; } = ServicePorts.Plugin;

    /// <summary>Address to listen on. Default 127.0.0.1: the agent calls its sidecar over the pod's loopback.</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>The token Argo mounts into the agent pod. Default /var/run/argo/token.</summary>
    public string TokenFile { get; init; } = "/var/run/argo/token";

    /// <summary>
    /// How long a request waits for its call before answering Running with a requeue. Default 20 s, well below
    /// the agent's HTTP client timeout, so a slow call never looks like a dead sidecar.
    /// </summary>
    public TimeSpan RequeueAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The requeue Argo is asked to wait before asking again about a running call. Default 1 s.</summary>
    public TimeSpan RequeueInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Retries of UNAVAILABLE inside one request. Default 2 quick retries (100 ms, 200 ms): after that the sidecar
    /// answers 503 and Argo's own retry takes over, instead of holding the agent's request open.
    /// </summary>
    public RetryPolicy Retry { get; init; } = new(2, TimeSpan.FromMilliseconds(100), 2, TimeSpan.FromSeconds(1));

    /// <summary>
    /// The endpoints templates may name (<see cref="EndpointAllowList"/>); others get a Failed node. Default
    /// <see cref="EndpointAllowList.Defaults"/>: the generated Services' in-cluster names and loopback.
    /// </summary>
    public IReadOnlyList<string> AllowedEndpoints { get; init; } = EndpointAllowList.Defaults;

    /// <summary>
    /// Largest <c>timeoutSeconds</c> a template may ask for; more gets a Failed node, so no template can hold a call
    /// (and the sidecar's memory for it) open for ever. Default 86400, the pipeline spec's own maximum.
    /// </summary>
    public int MaxTimeoutSeconds { get; init; } = PipelineSpecReader.MaxTimeoutSeconds;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
