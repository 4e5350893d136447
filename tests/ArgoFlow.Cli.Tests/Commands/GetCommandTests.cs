using System.Text.Json.Nodes;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cli.Tests.Commands;

public sealed class GetCommandTests
{
    private static async Task<string> RunWorkflowAsync(ClusterCommandHarness h)
    {
        h.AddTemplate();
        h.Server.Controller.AutoRun = true;
        h.Server.Controller.Results["detect"] = """{"detections":[{"classId":0,"className":"person","score":0.91},{"classId":2,"className":"car","score":0.8}],"width":640,"height":360}""";
        var (code, stdout, _) = await h.RunAsync("submit", "--from", "workflowtemplate/pipeline", "--wait", "-o", "name");
        Assert.Equal(0, code);
        return stdout.Trim();
    }

    [Fact]
    public async Task GetShowsStepsDurationsObservedTimesAndDetections()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        var name = await RunWorkflowAsync(h);

        var (code, stdout, _) = await h.RunAsync("get", name);

        Assert.Equal(0, code);
        Assert.Contains($"Name:           {name}", stdout, StringComparison.Ordinal);
        Assert.Contains("Template:       pipeline", stdout, StringComparison.Ordinal);
        Assert.Matches(@"Duration:       2s \(observed \d+(ms|\.?\d*s) from submit\)", stdout);
        Assert.Matches(@"detect\s+detect\s+HTTP\s+Succeeded\s+\S+\s+1s\s+\S+", stdout);
        Assert.Contains("detect  2 detections: person 0.91, car 0.80", stdout, StringComparison.Ordinal);
        Assert.Contains($"resize  output s3://argoflow/{name}/resize.jpg", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJsonIsTheServersObjectAndWideAddsNodeIds()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        var name = await RunWorkflowAsync(h);

        var json = await h.RunAsync("get", name, "-o", "json");
        var wide = await h.RunAsync("get", name, "-o", "wide");

        Assert.Equal("Succeeded", (string?)JsonNode.Parse(json.Out)!["status"]!["phase"]);
        Assert.Contains(SimulatedController.NodeId(name, $"{name}.detect"), wide.Out, StringComparison.Ordinal);
        Assert.Contains("\"className\":\"person\"", wide.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetYamlUsesTheSharedSerializer()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        var name = await RunWorkflowAsync(h);

        var (code, stdout, _) = await h.RunAsync("get", name, "-o", "yaml");

        Assert.Equal(0, code);
        Assert.StartsWith("apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  phase: Succeeded\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingWorkflowExitsFour()
    {
        await using var h = await ClusterCommandHarness.StartAsync();

        var (code, _, stderr) = await h.RunAsync("get", "ghost", "-n", "default");

        Assert.Equal(4, code);
        Assert.Contains("workflow \"ghost\" not found in namespace \"default\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadOutputFormatIsAUsageError()
    {
        await using var h = await ClusterCommandHarness.StartAsync();

        var (code, _, stderr) = await h.RunAsync("get", "x", "-o", "toml");

        Assert.Equal(2, code);
        Assert.Contains("expected one of name, json, yaml, wide", stderr, StringComparison.Ordinal);
    }
}
