using System.Text.Json.Nodes;
using ArgoFlow.Templates.Generation;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Agent.Tests.EndToEnd;

/// <summary>
/// Generated workflows through Argo's controller (played by the fake), the real agent and the real warm services:
/// every step is a TaskSet task, executed by the agent, its result read back - and no pod anywhere.
/// </summary>
public sealed class AgentEndToEndTests(AgentWarmServices services) : IClassFixture<AgentWarmServices>
{
    public static TheoryData<string> Modes() => new("http", "plugin", "fused-http", "fused-plugin");

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Classic_pipeline_succeeds_through_the_agent_with_no_pod(string mode)
    {
        await using var rig = await EndToEndRig.StartAsync(services);
        var template = rig.AddTemplate("classic", Options(mode));
        rig.Submit("classic-e2e", template);

        var workflow = await rig.WaitAsync("classic-e2e");

        Assert.True((string?)workflow["status"]!["phase"] == "Succeeded", workflow["status"]!.ToJsonString());
        var nodes = EndToEndRig.TaskNodes(workflow);
        Assert.Equal(mode.StartsWith("fused", StringComparison.Ordinal) ? 1 : 3, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(mode.EndsWith("plugin", StringComparison.Ordinal) ? "Plugin" : "HTTP", (string?)n["type"]));
        Assert.All(nodes, n => Assert.NotNull(JsonNode.Parse((string)n["outputs"]!["result"]!)));
        if (!mode.StartsWith("fused", StringComparison.Ordinal))
        {
            var filtered = JsonNode.Parse((string)nodes.Single(n => (string?)n["displayName"] == "filter(0)")["outputs"]!["result"]!)!;
            var written = new Uri((string)filtered["output"]!).LocalPath;
            Assert.StartsWith(services.StoreRoot, written, StringComparison.Ordinal);
            Assert.True(File.Exists(written), filtered.ToJsonString());
        }

        Assert.All(rig.Controller.ResultsRead.Values, count => Assert.Equal(1, count));
        Assert.Empty(rig.Controller.UnexpectedResults);
        Assert.DoesNotContain(rig.Server.Requests, r => r.Contains("/pods", StringComparison.Ordinal));
        var taskSet = rig.Server.Store.Get(FakeResource.WorkflowTaskSets, "argo", "classic-e2e")!;
        Assert.Equal("true", (string?)taskSet["metadata"]!["labels"]!["workflows.argoproj.io/completed"]);
        Assert.Empty(taskSet["spec"]!["tasks"]!.AsObject());
    }

    [Theory]
    [InlineData("response.statusCode == 200")]
    [InlineData("response.statusCode in [200, 201]")]
    [InlineData("response.statusCode >= 200 && response.statusCode < 300")]
    [InlineData("!(response.statusCode != 200) and not (response.statusCode > 299)")]
    [InlineData("fromJSON(response.body).height == 360")]
    [InlineData("fromJSON(response.body).output endsWith '.jpg'")]
    [InlineData("'output' in fromJSON(response.body)")]
    [InlineData("response.body contains 'output'")]
    [InlineData("response.body startsWith '{'")]
    [InlineData("len(response.body) > 10")]
    [InlineData("response.headers['Content-Type'][0] startsWith 'application/json'")]
    [InlineData("request.method == 'POST' && request.url endsWith '/v1/resize'")]
    public async Task Each_success_condition_form_is_evaluated_on_the_services_real_answer(string condition)
    {
        await using var rig = await EndToEndRig.StartAsync(services);
        var template = rig.AddTemplate("classic", Options("http"), t => ResizeCall(t)["successCondition"] = condition);
        rig.Submit("cond", template);

        var workflow = await rig.WaitAsync("cond");

        Assert.True((string?)workflow["status"]!["phase"] == "Succeeded", workflow["status"]!.ToJsonString());
    }

    [Theory]
    [InlineData("response.statusCode == 201", "successCondition 'response.statusCode == 201' evaluated false")]
    [InlineData("response.statusCode + 0 == 200", "the arithmetic operator '+' is not supported")]
    [InlineData("response.body matches 'output'", "the 'matches' operator (regular expressions) is not supported")]
    [InlineData("response.statusCode == 200 ? true : false", "the ternary operator '?:' is not supported")]
    public async Task A_false_or_unsupported_condition_fails_the_node_with_a_message_naming_it(string condition, string message)
    {
        await using var rig = await EndToEndRig.StartAsync(services);
        var template = rig.AddTemplate("classic", Options("http"), t =>
        {
            ResizeCall(t)["successCondition"] = condition;
            ((JsonObject)Resize(t)).Remove("retryStrategy");
        });
        rig.Submit("bad-cond", template);

        var workflow = await rig.WaitAsync("bad-cond");

        Assert.Equal("Failed", (string?)workflow["status"]!["phase"]);
        var resize = Assert.Single(EndToEndRig.TaskNodes(workflow));
        Assert.Equal("Failed", (string?)resize["phase"]);
        Assert.Contains(message, (string?)resize["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifty_workflows_at_once_get_exactly_one_result_per_node()
    {
        await using var rig = await EndToEndRig.StartAsync(services);
        // resize -> filter: two steps per workflow, the filter reading the resize result.
        var template = rig.AddTemplate("classic", Options("http"), t =>
        {
            var tasks = t["spec"]!["templates"]![0]!["dag"]!["tasks"]!.AsArray();
            tasks.RemoveAt(1);
            tasks[1]!["dependencies"] = new JsonArray("resize");
            tasks[1]!["arguments"]!["parameters"]![0]!["value"] = "{{=jsonpath(tasks.resize.outputs.result, '$.output')}}";
        });
        var names = Enumerable.Range(0, 50).Select(i => $"load-{i:D2}").ToList();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            rig.Submit(name, template, $"in/{i % 5}.jpg");
        }

        var workflows = await Task.WhenAll(names.Select(n => rig.WaitAsync(n, 180)));

        Assert.All(workflows, w => Assert.True((string?)w["status"]!["phase"] == "Succeeded", w["status"]!.ToJsonString()));
        var nodeIds = workflows.SelectMany(EndToEndRig.TaskNodes).Select(n => (string)n["id"]!).ToList();
        Assert.Equal(100, nodeIds.Distinct().Count());
        Assert.Equal(nodeIds.Order(), rig.Controller.ResultsRead.Keys.Order());
        Assert.All(rig.Controller.ResultsRead.Values, count => Assert.Equal(1, count));
        Assert.Empty(rig.Controller.UnexpectedResults);
    }

    private static GeneratorOptions Options(string mode) => mode switch
    {
        "http" => new GeneratorOptions(GenerationMode.Http, Agent: true),
        "plugin" => new GeneratorOptions(GenerationMode.Plugin, Agent: true),
        "fused-http" => new GeneratorOptions(GenerationMode.Http, Fused: true, Agent: true),
        _ => new GeneratorOptions(GenerationMode.Plugin, Fused: true, Agent: true),
    };

    private static JsonNode Resize(JsonObject template) =>
        template["spec"]!["templates"]!.AsArray().Single(t => (string?)t!["name"] == "resize")!;

    private static JsonObject ResizeCall(JsonObject template) => Resize(template)["http"]!.AsObject();
}
