using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Cluster.Tests.Kube;

public sealed class KubeConfigLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("argoflow-kubeconfig");

    private string Write(string name, string context, string server, string? ns, string? current)
    {
        var path = _dir.Combine(name);
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            {(current is null ? "" : $"current-context: {current}")}
            clusters:
            - name: {context}-cluster
              cluster:
                server: {server}
            contexts:
            - name: {context}
              context:
                cluster: {context}-cluster
                user: {context}-user
            {(ns is null ? "" : $"    namespace: {ns}")}
            users:
            - name: {context}-user
              user:
                token: t-{context}
            """);
        return path;
    }

    [Fact]
    public void KubeconfigListIsMergedAndTheFirstCurrentContextWins()
    {
        var a = Write("a", "alpha", "http://127.0.0.1:1001", "team-a", "alpha");
        var b = Write("b", "beta", "http://127.0.0.1:1002", "team-b", "beta");
        var options = new KubeConnectionOptions { KubeconfigEnv = $"{a}:{b}", HomeDirectory = null };

        using var connection = KubeConnection.Open(options);

        Assert.Equal("alpha", connection.Context);
        Assert.Equal("team-a", connection.Namespace);
        Assert.Equal(new Uri("http://127.0.0.1:1001/"), connection.Server);
    }

    [Fact]
    public void ContextFlagPicksAContextFromTheSecondFileWithItsNamespace()
    {
        var a = Write("a", "alpha", "http://127.0.0.1:1001", "team-a", "alpha");
        var b = Write("b", "beta", "http://127.0.0.1:1002", "team-b", null);
        var options = new KubeConnectionOptions { KubeconfigEnv = $"{a}:{_dir.Combine("missing")}:{b}", Context = "beta", HomeDirectory = null };

        using var connection = KubeConnection.Open(options);

        Assert.Equal(new Uri("http://127.0.0.1:1002/"), connection.Server);
        Assert.Equal("team-b", connection.Namespace);
    }

    [Fact]
    public void NamespaceFlagOverridesTheContextAndDefaultIsDefault()
    {
        var a = Write("a", "alpha", "http://127.0.0.1:1001", null, "alpha");

        using var flagged = KubeConnection.Open(new KubeConnectionOptions { KubeconfigPath = a, Namespace = "ci", KubeconfigEnv = null });
        using var plain = KubeConnection.Open(new KubeConnectionOptions { KubeconfigPath = a, KubeconfigEnv = null });

        Assert.Equal("ci", flagged.Namespace);
        Assert.Equal("default", plain.Namespace);
    }

    [Fact]
    public void KubeconfigFlagWinsOverTheEnvironmentList()
    {
        var a = Write("a", "alpha", "http://127.0.0.1:1001", null, "alpha");
        var b = Write("b", "beta", "http://127.0.0.1:1002", null, "beta");

        using var connection = KubeConnection.Open(new KubeConnectionOptions { KubeconfigPath = b, KubeconfigEnv = a });

        Assert.Equal("beta", connection.Context);
    }

    [Fact]
    public void UnknownContextIsAClusterErrorListingTheKnownOnes()
    {
        var a = Write("a", "alpha", "http://127.0.0.1:1001", null, "alpha");

        var ex = Assert.Throws<ArgoFlowException>(() =>
            KubeConnection.Open(new KubeConnectionOptions { KubeconfigPath = a, Context = "prod", KubeconfigEnv = null }));

        Assert.Equal(ExitCode.Unavailable, ex.ExitCode);
        Assert.Contains("context \"prod\" not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("alpha", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingKubeconfigFileIsNamed()
    {
        var ex = Assert.Throws<ArgoFlowException>(() =>
            KubeConnection.Open(new KubeConnectionOptions { KubeconfigPath = _dir.Combine("nope"), KubeconfigEnv = null }));

        Assert.Equal(ExitCode.Unavailable, ex.ExitCode);
        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void NoConfigurationAnywhereSaysWhereItLooked()
    {
        // Inside a pod the service account is the configuration of last resort, so there is nothing to miss.
        Skip.If(k8s.KubernetesClientConfiguration.IsInCluster(), "running inside a Kubernetes pod: the in-cluster service account is always found");

        var ex = Assert.Throws<ArgoFlowException>(() =>
            KubeConnection.Open(new KubeConnectionOptions { KubeconfigEnv = null, HomeDirectory = _dir.Path }));

        Assert.Contains("KUBECONFIG", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
