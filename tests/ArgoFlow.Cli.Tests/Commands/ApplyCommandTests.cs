using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cli.Tests.Commands;

public sealed class ApplyCommandTests
{
    private static string Generated(string mode) => Path.Combine(SharedData.RepoRoot, "samples", "generated", mode);

    [Fact]
    public async Task ApplyingTheGeneratedSamplesTwiceCreatesThenReportsUnchanged()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.Server.Namespaces.Add("media");

        var first = await h.RunAsync("apply", "-f", Generated("http"), "--all");
        var second = await h.RunAsync("apply", "-f", Generated("http"), "--all");

        Assert.Equal(0, first.Code);
        Assert.Contains("workflowtemplate.argoproj.io/classic created", first.Out, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/argoflow-resize created", first.Out, StringComparison.Ordinal);
        Assert.Contains("rolebinding.rbac.authorization.k8s.io/", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.Code);
        Assert.DoesNotContain(" created", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(" updated", second.Out, StringComparison.Ordinal);
        Assert.Contains("0 created, 0 updated", second.Err, StringComparison.Ordinal);
        Assert.NotNull(h.Server.Store.Get(FakeResource.WorkflowTemplates, "media", "fan-out"));
    }

    [Fact]
    public async Task WithoutAllOnlyTheTemplatesAreAppliedAndTheRestIsCounted()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.Server.Namespaces.Add("media");

        var (code, stdout, stderr) = await h.RunAsync("apply", "-f", Generated("plugin"));

        Assert.Equal(0, code);
        Assert.All(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("workflowtemplate.argoproj.io/", line, StringComparison.Ordinal));
        Assert.Contains("add --all to apply them", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSummaryNamesTheNamespaceInTheObjectsMetadataNotTheContexts()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.Server.Namespaces.Add("imaging");
        h.Server.WriteKubeconfig(h.Dir.Path, ns: "imaging"); // replaces the harness's kubeconfig: context namespace imaging
        var spec = h.Dir.Combine("template.yaml");
        await File.WriteAllTextAsync(spec, """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata:
              name: pinned
              namespace: argo
            spec:
              entrypoint: main
              templates:
              - name: main
                container: {image: alpine}
            """);

        var (code, stdout, stderr) = await h.RunAsync("apply", "-f", spec);

        Assert.True(code == 0, stderr);
        Assert.Contains("workflowtemplate.argoproj.io/pinned created", stdout, StringComparison.Ordinal);
        Assert.Contains("1 object(s) in namespace argo: 1 created", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("imaging", stderr, StringComparison.Ordinal);
        Assert.NotNull(h.Server.Store.Get(FakeResource.WorkflowTemplates, "argo", "pinned"));
        Assert.Null(h.Server.Store.Get(FakeResource.WorkflowTemplates, "imaging", "pinned"));
    }

    [Fact]
    public async Task MissingCrdsExitWithTheClusterCodeAndTheInstallHint()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.Server.ArgoInstalled = false;

        var (code, _, stderr) = await h.RunAsync("apply", "-f", Path.Combine(Generated("http"), "classic"));

        Assert.Equal(4, code);
        Assert.Contains("error: the cluster at", stderr, StringComparison.Ordinal);
        Assert.Contains("hint: install Argo Workflows", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingPathIsInvalidInput()
    {
        await using var h = await ClusterCommandHarness.StartAsync();

        var (code, _, stderr) = await h.RunAsync("apply", "-f", h.Dir.Combine("nothing-here"));

        Assert.Equal(3, code);
        Assert.Contains("no such file or directory", stderr, StringComparison.Ordinal);
    }
}
