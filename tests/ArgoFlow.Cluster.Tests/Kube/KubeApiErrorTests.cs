using System.Net;
using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Tests.Support;
using ArgoFlow.Core.Errors;
using ArgoFlow.TestSupport.FakeKube;
using ArgoFlow.TestSupport.Ports;

namespace ArgoFlow.Cluster.Tests.Kube;

public sealed class KubeApiErrorTests
{
    [Fact]
    public async Task WrongTokenIsA401WithTheServersMessage()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Token = "another-token";

        var ex = await Assert.ThrowsAsync<KubeApiException>(() => cluster.Argo.GetWorkflowTemplateAsync("pipeline", CancellationToken.None));

        Assert.Equal(401, ex.Code);
        Assert.Equal(ExitCode.Unavailable, ex.ExitCode);
        Assert.Contains("401 Unauthorized): Unauthorized", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForbiddenCreateIsA403QuotingTheServer()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Forbid("create", "workflows");
        var workflow = ArgoJson.ToNode(new Workflow { Metadata = new ObjectMeta { GenerateName = "x-" }, Spec = new WorkflowSpec { Entrypoint = "main" } });

        var ex = await Assert.ThrowsAsync<KubeApiException>(() => cluster.Argo.CreateWorkflowAsync(workflow, CancellationToken.None));

        Assert.Equal(403, ex.Code);
        Assert.Contains("cannot create resource \"workflows\" in API group \"argoproj.io\" in the namespace \"argo\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("kubectl auth can-i", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableServerIsAClusterErrorNamingTheAddress()
    {
        using var refusing = new RefusingPort();
        var port = refusing.Port;

        var config = new k8s.KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}", AccessToken = "t" };
        using var connection = new KubeConnection(config);
        var client = new ArgoClient(new KubeApiClient(connection));

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() => client.GetWorkflowAsync("w", CancellationToken.None));

        Assert.Equal(ExitCode.Unavailable, ex.ExitCode);
        Assert.Contains($"cannot reach the Kubernetes API server at http://127.0.0.1:{port}/", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingArgoCrdsAreReportedWithHowToInstall()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.ArgoInstalled = false;

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() => cluster.Argo.GetWorkflowTemplateAsync("pipeline", CancellationToken.None));

        Assert.Equal(ExitCode.Unavailable, ex.ExitCode);
        Assert.Contains("Argo Workflows CRDs are not installed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("install.yaml", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTemplateIsNotFoundInItsNamespace()
    {
        await using var cluster = await FakeCluster.StartAsync();

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() => cluster.Argo.GetWorkflowTemplateAsync("pipeline", CancellationToken.None));

        Assert.Equal("workflow template \"pipeline\" not found in namespace \"argo\"", ex.Message);
        Assert.Contains("argoflow apply", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingTheSameNameTwiceIsA409AlreadyExists()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var workflow = ArgoJson.ToNode(new Workflow { Metadata = new ObjectMeta { Name = "fixed" }, Spec = new WorkflowSpec { Entrypoint = "main" } });
        await cluster.Argo.CreateWorkflowAsync(workflow, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() => cluster.Argo.CreateWorkflowAsync(workflow, CancellationToken.None));

        Assert.Contains("already exists", ex.Message, StringComparison.Ordinal);
        Assert.Contains("workflows.argoproj.io \"fixed\" already exists", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidObjectIsA422ListingEveryFieldCause()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var body = (JsonObject)JsonNode.Parse("""
            {"apiVersion":"argoproj.io/v1alpha1","kind":"Workflow","metadata":{"name":"Bad_Name"},
             "spec":{"arguments":{"parameters":[{"name":"in put"}]},"templates":[{"name":"-x"}]}}
            """)!;

        var ex = await Assert.ThrowsAsync<KubeApiException>(() =>
            cluster.Api.CreateAsync(ResourceTypes.Workflow.CollectionPath("argo"), body, CancellationToken.None));

        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.Equal(3, ex.Status.Causes.Count);
        Assert.Contains("metadata.name: Invalid value: \"Bad_Name\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("spec.templates[0].name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("spec.arguments.parameters[0].name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplaceWithAStaleResourceVersionIsA409Conflict()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.AddPipelineTemplate();
        var path = ResourceTypes.WorkflowTemplate.ItemPath("argo", "pipeline");
        var live = await cluster.Api.GetAsync(path, CancellationToken.None);
        var stale = live.DeepClone().AsObject();
        await cluster.Api.ReplaceAsync(path, live, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<KubeApiException>(() => cluster.Api.ReplaceAsync(path, stale, CancellationToken.None));

        Assert.Equal(409, ex.Code);
        Assert.Equal("Conflict", ex.Status.Reason);
        Assert.Contains("the object has been modified", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateNameGetsARandomSuffixFromTheServer()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var workflow = ArgoJson.ToNode(new Workflow { Metadata = new ObjectMeta { GenerateName = "pipeline-" }, Spec = new WorkflowSpec { Entrypoint = "main" } });

        var first = await cluster.Argo.CreateWorkflowAsync(workflow, CancellationToken.None);
        var second = await cluster.Argo.CreateWorkflowAsync(workflow, CancellationToken.None);

        Assert.Matches("^pipeline-[a-z0-9]{5}$", first.Name);
        Assert.NotEqual(first.Name, second.Name);
        Assert.NotNull(first.ResourceVersion);
        Assert.NotNull(cluster.Server.Store.Get(FakeResource.Workflows, "argo", first.Name));
    }
}
