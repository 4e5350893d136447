namespace ArgoFlow.Cluster.Kube;

/// <summary>
/// How to reach the cluster, with kubectl's precedence: <see cref="KubeconfigPath"/> (--kubeconfig), else the
/// KUBECONFIG list (colon-separated, merged, first file wins), else ~/.kube/config, else the in-cluster service
/// account. <see cref="Context"/> overrides current-context; <see cref="Namespace"/> overrides the context's
/// namespace (itself defaulting to "default").
/// </summary>
public sealed record KubeConnectionOptions
{
    public string? KubeconfigPath { get; init; }

    public string? Context { get; init; }

    public string? Namespace { get; init; }

    /// <summary>The KUBECONFIG value; taken from the environment by the CLI, injectable for tests.</summary>
    public string? KubeconfigEnv { get; init; } = Environment.GetEnvironmentVariable("KUBECONFIG");

    /// <summary>The home directory holding .kube/config; injectable for tests.</summary>
    public string? HomeDirectory { get; init; } = Environment.GetEnvironmentVariable("HOME");
}
