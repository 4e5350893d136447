namespace ArgoFlow.Cluster.Kube;

/// <summary>
/// How to reach the cluster, with kubectl's precedence: <see cref="KubeconfigPath"/> (--kubeconfig), else the
/// KUBECONFIG list (colon-separated, merged, first file wins), else ~/.kube/config, else the in-cluster service
/// account. <see cref="Context"/> overrides current-context; <see cref="Namespace"/> overrides the context's
/// namespace (itself defaulting to "default").
/// </summary>
public sealed record KubeConnectionOptions
{
    /// <summary>The default of <see cref="RequestTimeout"/>.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    public string? KubeconfigPath { get; init; }

    public string? Context { get; init; }

    public string? Namespace { get; init; }

    /// <summary>
    /// Longest wait for one API request's answer (--request-timeout); <see cref="TimeSpan.Zero"/> waits without
    /// limit, as kubectl's 0. Default 30 s: kubectl waits without limit by default, which is how `get` against a
    /// server that accepts connections and never answers hung for minutes.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>
    /// Longest silence on an open watch before it counts as dropped and is resumed from the last resourceVersion.
    /// The server is asked to end each watch sooner (timeoutSeconds) and sends bookmarks about once a minute, so a
    /// healthy watch is never silent this long. Default 5 minutes.
    /// </summary>
    public TimeSpan WatchIdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The KUBECONFIG value; taken from the environment by the CLI, injectable for tests.</summary>
    public string? KubeconfigEnv { get; init; } = Environment.GetEnvironmentVariable("KUBECONFIG");

    /// <summary>The home directory holding .kube/config; injectable for tests.</summary>
    public string? HomeDirectory { get; init; } = Environment.GetEnvironmentVariable("HOME");
}
