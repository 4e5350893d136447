namespace ArgoFlow.Steps.Client;

/// <summary>Settings of the step client that do not come from the pipeline spec.</summary>
public sealed class StepClientOptions
{
    /// <summary>How long opening a TCP connection to a service may take before the attempt counts as UNAVAILABLE. Default 3 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How often a target given as a DNS name is looked up again, so pods added to a headless Service start receiving
    /// calls. Default 30 s. A failed connection also triggers a lookup (at most one per 15 s, Grpc.Net.Client's floor).
    /// </summary>
    public TimeSpan ResolveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait between attempts to reconnect to a replica that went away; a replica that comes back is
    /// used again within about this long. Default 2 s (Grpc.Net.Client's own default is 120 s).
    /// </summary>
    public TimeSpan MaxReconnectBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// PEM file of extra root certificates (a private CA) trusted for <c>https://</c> targets besides the system
    /// store. Default the ARGOFLOW_CA_FILE environment variable, so `argoflow step`, `run` and the plugin honour it.
    /// </summary>
    public string? CaFile { get; init; } = Environment.GetEnvironmentVariable("ARGOFLOW_CA_FILE") is { Length: > 0 } ca ? ca : null;

    /// <summary>
    /// The same as <see cref="CaFile"/> given as PEM text: where no file can be mounted, as in Argo's executor plugin
    /// sidecar (which takes no volumes), the certificate comes from a Secret through the environment. Default the
    /// ARGOFLOW_CA_PEM environment variable. Both may be given; their certificates add up.
    /// </summary>
    public string? CaPem { get; init; } = Environment.GetEnvironmentVariable("ARGOFLOW_CA_PEM") is { Length: > 0 } pem ? pem : null;

    /// <summary>
    /// One exact certificate accepted for <c>https://</c> targets whatever its name: how the fused Pipeline service
    /// trusts its own process over loopback. Default none.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? PinnedCertificate { get; init; }

    /// <summary>The clock for deadlines and backoff delays. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Picks the jitter factor for a backoff delay, in [0, 1). The delay is backoff x (0.5 + 0.5 x jitter), so two
    /// clients that failed together do not retry in lockstep. Default <see cref="Random.Shared"/>.
    /// </summary>
#pragma warning disable CA5394 // Jitter, not security.
    public Func<double> Jitter { get; init; } = () => Random.Shared.NextDouble();
#pragma warning restore CA5394
}
