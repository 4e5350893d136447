using ArgoFlow.Cluster.Apply;
using ArgoFlow.Cluster.Submit;
using ArgoFlow.Cluster.Tests.Support;
using ArgoFlow.Core.Errors;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cluster.Tests.Submit;

public sealed class WorkflowSubmitterTests
{
    [Fact]
    public async Task FromTemplateCreatesTheWorkflowArgoWouldCreate()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.AddPipelineTemplate();
        var request = new SubmitRequest
        {
            Parameters = [new("input", "s3://images/b.jpg")],
            Labels = new Dictionary<string, string> { ["team"] = "vision" },
            ServiceAccount = "argoflow-runner",
        };

        var result = await new WorkflowSubmitter(cluster.Argo).SubmitFromTemplateAsync("pipeline", request, CancellationToken.None);

        var stored = cluster.Server.Store.Get(FakeResource.Workflows, "argo", result.Workflow.Name)!;
        Assert.True(result.Created);
        Assert.StartsWith("pipeline-", result.Workflow.Name, StringComparison.Ordinal);
        Assert.Equal("pipeline-", (string?)stored["metadata"]!["generateName"]);
        Assert.Equal("pipeline", (string?)stored["metadata"]!["labels"]!["workflows.argoproj.io/workflow-template"]);
        Assert.Equal("vision", (string?)stored["metadata"]!["labels"]!["team"]);
        Assert.Equal("pipeline", (string?)stored["spec"]!["workflowTemplateRef"]!["name"]);
        Assert.Equal("{\"name\":\"input\",\"value\":\"s3://images/b.jpg\"}", stored["spec"]!["arguments"]!["parameters"]![0]!.ToJsonString());
        Assert.Equal("argoflow-runner", (string?)stored["spec"]!["serviceAccountName"]);
        Assert.Null(stored["spec"]!["templates"]);
    }

    [Fact]
    public async Task UnknownParameterIsRejectedBeforeAnythingIsCreated()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.AddPipelineTemplate();
        var request = new SubmitRequest { Parameters = [new("imput", "x")] };

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() =>
            new WorkflowSubmitter(cluster.Argo).SubmitFromTemplateAsync("pipeline", request, CancellationToken.None));

        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.Contains("unknown parameter \"imput\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal("the template declares: input", ex.Hint);
        Assert.DoesNotContain(cluster.Server.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ParameterWithoutDefaultMustBeGiven()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.AddPipelineTemplate(parameterDefault: null);

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() =>
            new WorkflowSubmitter(cluster.Argo).SubmitFromTemplateAsync("pipeline", new SubmitRequest(), CancellationToken.None));

        Assert.Contains("\"input\" has no default and must be given with -p input=VALUE", ex.Message, StringComparison.Ordinal);
        Assert.Empty(cluster.Server.Store.List(FakeResource.Workflows, "argo"));
    }

    [Fact]
    public async Task DryRunReturnsTheWorkflowAndCreatesNothing()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.AddPipelineTemplate();

        var result = await new WorkflowSubmitter(cluster.Argo).SubmitFromTemplateAsync(
            "pipeline", new SubmitRequest { DryRun = true, GenerateName = "nightly-" }, CancellationToken.None);

        Assert.False(result.Created);
        Assert.Equal("nightly-", (string?)result.Workflow.Raw["metadata"]!["generateName"]);
        Assert.Empty(cluster.Server.Store.List(FakeResource.Workflows, "argo"));
    }

    [Fact]
    public async Task WorkflowManifestGetsTheFlagsLayeredOnTop()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var document = Assert.Single(ManifestReader.Parse("wf.yaml", SampleObjects.WorkflowYaml));
        var request = new SubmitRequest { Parameters = [new("input", "s3://images/z.jpg")], Labels = new Dictionary<string, string> { ["run"] = "1" } };

        var result = await new WorkflowSubmitter(cluster.Argo).SubmitManifestAsync(document, request, CancellationToken.None);

        Assert.StartsWith("hello-", result.Workflow.Name, StringComparison.Ordinal);
        var stored = cluster.Server.Store.Get(FakeResource.Workflows, "argo", result.Workflow.Name)!;
        Assert.Equal("s3://images/z.jpg", (string?)stored["spec"]!["arguments"]!["parameters"]![0]!["value"]);
        Assert.Equal("1", (string?)stored["metadata"]!["labels"]!["run"]);
    }

    [Fact]
    public async Task WorkflowManifestRejectsUndeclaredParameters()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var document = Assert.Single(ManifestReader.Parse("wf.yaml", SampleObjects.WorkflowYaml));

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() => new WorkflowSubmitter(cluster.Argo)
            .SubmitManifestAsync(document, new SubmitRequest { Parameters = [new("size", "1")] }, CancellationToken.None));

        Assert.Contains("wf.yaml:1: unknown parameter(s) \"size\"", ex.Message, StringComparison.Ordinal);
        Assert.Empty(cluster.Server.Store.List(FakeResource.Workflows, "argo"));
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=x")]
    public void MalformedParameterIsAUsageError(string text)
    {
        var ex = Assert.Throws<ArgoFlowException>(() => KeyValueParser.Parse(text, "-p"));

        Assert.Equal(ExitCode.Usage, ex.ExitCode);
    }

    [Fact]
    public void LabelsAcceptCommaSeparatedPairs()
    {
        var labels = KeyValueParser.ParseLabels(["a=1,b=2", "c=3"]);

        Assert.Equal(["a", "b", "c"], labels.Keys.Order());
    }
}
