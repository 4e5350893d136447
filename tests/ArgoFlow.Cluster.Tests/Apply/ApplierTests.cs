using ArgoFlow.Cluster.Apply;
using ArgoFlow.Cluster.Tests.Support;
using ArgoFlow.Core.Errors;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cluster.Tests.Apply;

public sealed class ApplierTests
{
    internal static async Task<List<ApplyOutcome>> ApplyAsync(FakeCluster cluster, string path, bool all)
    {
        var documents = await ManifestReader.ReadPathAsync(path, CancellationToken.None);
        var (objects, _) = ApplyPlan.Build(documents, "argo", namespaceExplicit: false, includeAll: all);
        var applier = new Applier(cluster.Api);
        var outcomes = new List<ApplyOutcome>();
        foreach (var planned in objects)
        {
            outcomes.Add(await applier.ApplyAsync(planned, CancellationToken.None));
        }

        return outcomes;
    }

    [Fact]
    public async Task ApplyingTwiceCreatesThenChangesNothing()
    {
        await using var cluster = await FakeCluster.StartAsync();
        File.WriteAllText(cluster.Dir.Combine("pipeline.yaml"), SampleObjects.TemplateYaml);

        var first = await ApplyAsync(cluster, cluster.Dir.Path, all: false);
        var version = cluster.Server.Store.CurrentVersion;
        var second = await ApplyAsync(cluster, cluster.Dir.Path, all: false);

        Assert.Equal("workflowtemplate.argoproj.io/pipeline created", Assert.Single(first).ToString());
        Assert.Equal("workflowtemplate.argoproj.io/pipeline unchanged", Assert.Single(second).ToString());
        Assert.Equal(version, cluster.Server.Store.CurrentVersion);
    }

    [Fact]
    public async Task ChangedManifestIsReplacedWithTheLiveResourceVersion()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var file = cluster.Dir.Combine("pipeline.yaml");
        File.WriteAllText(file, SampleObjects.TemplateYaml);
        await ApplyAsync(cluster, file, all: false);
        File.WriteAllText(file, SampleObjects.TemplateYaml.Replace("timeoutSeconds: 30", "timeoutSeconds: 10", StringComparison.Ordinal));

        var outcome = Assert.Single(await ApplyAsync(cluster, file, all: false));

        Assert.Equal(ApplyAction.Updated, outcome.Action);
        var live = cluster.Server.Store.Get(FakeResource.WorkflowTemplates, "argo", "pipeline")!;
        Assert.Equal(10, (int)live["spec"]!["templates"]![1]!["http"]!["timeoutSeconds"]!);
        Assert.Equal(2L, (long)live["metadata"]!["generation"]!);
    }

    [Fact]
    public async Task ServiceManifestsAreSkippedUnlessAllIsGiven()
    {
        await using var cluster = await FakeCluster.StartAsync();
        File.WriteAllText(cluster.Dir.Combine("pipeline.yaml"), SampleObjects.TemplateYaml);
        Directory.CreateDirectory(cluster.Dir.Combine("services"));
        File.WriteAllText(cluster.Dir.Combine("services", "resize.yaml"), SampleObjects.ServiceYaml);
        File.WriteAllText(cluster.Dir.Combine("services", "kustomization.yaml"), "resources: [resize.yaml]\n");

        var documents = await ManifestReader.ReadPathAsync(cluster.Dir.Path, CancellationToken.None);
        var (templatesOnly, skipped) = ApplyPlan.Build(documents, "argo", false, includeAll: false);
        var everything = await ApplyAsync(cluster, cluster.Dir.Path, all: true);

        Assert.Single(templatesOnly);
        Assert.Equal(2, skipped);
        Assert.Equal(
            ["service/argoflow-resize created", "deployment.apps/argoflow-resize created", "workflowtemplate.argoproj.io/pipeline created"],
            everything.Select(o => o.ToString()));
        Assert.NotNull(cluster.Server.Store.Get(new FakeResource("apps", "v1", "deployments", "Deployment"), "argo", "argoflow-resize"));
    }

    [Fact]
    public async Task UnknownKindAndMissingNameAreReportedBeforeAnythingIsSent()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var text = SampleObjects.TemplateYaml + "\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n";
        File.WriteAllText(cluster.Dir.Combine("a.yaml"), text);
        var jobLine = text[..text.IndexOf("apiVersion: batch/v1", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var documents = await ManifestReader.ReadPathAsync(cluster.Dir.Path, CancellationToken.None);
        var ex = Assert.Throws<ValidationException>(() => ApplyPlan.Build(documents, "argo", false, includeAll: true));

        Assert.Equal(2, ex.Diagnostics.Count);
        Assert.Contains("batch/v1/Job is not a kind argoflow applies", ex.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(jobLine, ex.Diagnostics[0].Location.Line);
        Assert.Equal("metadata.name", ex.Diagnostics[1].Path);
        Assert.Empty(cluster.Server.Requests);
    }

    [Fact]
    public async Task NamespaceInTheFileMustMatchTheOneGiven()
    {
        var documents = ManifestReader.Parse("t.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: prod\n");

        var ex = Assert.Throws<ValidationException>(() => ApplyPlan.Build(documents, "argo", namespaceExplicit: true, includeAll: true));

        Assert.Contains("does not match the namespace \"argo\" given with -n", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingArgoCrdsStopApplyWithTheInstallHint()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.ArgoInstalled = false;
        File.WriteAllText(cluster.Dir.Combine("pipeline.yaml"), SampleObjects.TemplateYaml);

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() => ApplyAsync(cluster, cluster.Dir.Path, all: false));

        Assert.Contains("CRDs are not installed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidTemplateNamesTheFileAndEveryCause()
    {
        await using var cluster = await FakeCluster.StartAsync();
        File.WriteAllText(cluster.Dir.Combine("p.yaml"), SampleObjects.TemplateYaml.Replace("- name: resize\n      http", "- name: _resize\n      http", StringComparison.Ordinal));

        var ex = await Assert.ThrowsAsync<Cluster.Kube.KubeApiException>(() => ApplyAsync(cluster, cluster.Dir.Path, all: false));

        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.Contains("p.yaml:1: WorkflowTemplate \"pipeline\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("spec.templates[1].name", ex.Message, StringComparison.Ordinal);
    }
}
