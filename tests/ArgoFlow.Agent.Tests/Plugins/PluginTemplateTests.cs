using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Agent.Plugins;
using ArgoFlow.Agent.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace ArgoFlow.Agent.Tests.Plugins;

/// <summary>plugin templates: argoflow in process through the step client seam, others over Argo's plugin protocol.</summary>
public sealed class PluginTemplateTests
{
    private static JsonObject Resize() => new()
    {
        ["type"] = "resize",
        // A name the default allow-list admits (the generated Services'); the scripted invoker answers, nothing is dialled.
        ["endpoint"] = "argoflow-resize.argo.svc.cluster.local:9090",
        ["request"] = new JsonObject { ["input"] = "s3://images/in.jpg", ["width"] = 640 },
    };

    [Fact]
    public async Task An_argoflow_call_past_the_bound_is_reported_Running_then_Succeeded_with_the_sidecars_outputs()
    {
        await using var harness = await AgentHarness.StartAsync();
        var options = AgentHarness.FastOptions();
        await harness.StartAgentAsync(new AgentOptions
        {
            Namespaces = options.Namespaces, PatchWindow = options.PatchWindow, Watch = options.Watch,
            PluginRequeueAfter = TimeSpan.FromMilliseconds(100), PluginRequeueInterval = TimeSpan.FromMilliseconds(100),
        });
        harness.Invoker.Hold();
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Plugin("argoflow", Resize()))));

        var running = await harness.WaitForResultAsync("wf1", "n", r => r.Phase == "Running");
        Assert.Equal("resize call to argoflow-resize.argo.svc.cluster.local:9090 still running", running.Message);
        harness.Invoker.Release();
        var done = await harness.WaitForResultAsync("wf1", "n");

        Assert.Equal("Succeeded", done.Phase);
        Assert.Equal(1, harness.Invoker.Calls);
        using var result = JsonDocument.Parse(done.Outputs!.Result!);
        Assert.Equal("s3://images/out.jpg", result.RootElement.GetProperty("output").GetString());
        var parameter = Assert.Single(done.Outputs.Parameters!);
        Assert.Equal(("image", "s3://images/out.jpg"), (parameter.Name, parameter.Value));
    }

    [Fact]
    public async Task An_argoflow_endpoint_outside_the_allow_list_fails_the_node_without_a_call()
    {
        await using var harness = await AgentHarness.StartAsync();
        await harness.StartAgentAsync();
        var request = Resize();
        request["endpoint"] = "metadata.example.com:80";
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Plugin("argoflow", request))));

        var done = await harness.WaitForResultAsync("wf1", "n");

        Assert.Equal("Failed", done.Phase);
        Assert.Contains("metadata.example.com:80", done.Message, StringComparison.Ordinal);
        Assert.Contains("is not allowed", done.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Invoker.Calls);
    }

    [Fact]
    public async Task An_argoflow_endpoint_off_the_allow_list_fails_its_node_unless_allow_endpoint_admits_it()
    {
        await using var harness = await AgentHarness.StartAsync();
        var options = AgentHarness.FastOptions();
        await harness.StartAgentAsync(new AgentOptions
        {
            Namespaces = options.Namespaces, PatchWindow = options.PatchWindow, Watch = options.Watch,
            AllowedEndpoints = ["10.0.0.*:9090"],
        });
        var refused = Resize();
        refused["endpoint"] = "169.254.169.254:9090";
        var admitted = Resize();
        admitted["endpoint"] = "10.0.0.7:9090";
        harness.Add(TaskSets.Create("wf1", ("off", TaskSets.Plugin("argoflow", refused)), ("on", TaskSets.Plugin("argoflow", admitted))));

        var off = await harness.WaitForResultAsync("wf1", "off");
        var on = await harness.WaitForResultAsync("wf1", "on");

        Assert.Equal("Failed", off.Phase);
        Assert.Contains("plugin.argoflow.endpoint '169.254.169.254:9090' is not allowed", off.Message, StringComparison.Ordinal);
        Assert.Equal("Succeeded", on.Phase);
        Assert.Equal(1, harness.Invoker.Calls);
    }

    [Fact]
    public async Task Another_plugin_is_called_with_argos_request_and_bearer_token_and_its_node_is_the_result()
    {
        JsonObject? received = null;
        string? authorization = null;
        await using var plugin = await TestHttpServer.StartAsync(async (c, body) =>
        {
            received = JsonNode.Parse(body)!.AsObject();
            authorization = c.Request.Headers.Authorization.ToString();
            c.Response.ContentType = "application/json";
            await c.Response.WriteAsync(c.Request.Path == "/api/v1/template.execute"
                ? """{"node":{"phase":"Succeeded","message":"hello done","outputs":{"result":"42"}}}"""
                : "{}");
        });
        await using var harness = await AgentHarness.StartAsync();
        var tokenFile = Path.Combine(harness.Dir.Path, "hello-token");
        await File.WriteAllTextAsync(tokenFile, "tok-123\n");
        await harness.StartAgentAsync(AgentHarness.FastOptions(plugins: new PluginEndpoint("hello", plugin.BaseUri, tokenFile)));
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Plugin("hello", new JsonObject { ["greeting"] = "hi" }))));

        var result = await harness.WaitForResultAsync("wf1", "n");

        Assert.Equal(("Succeeded", "hello done", "42"), (result.Phase, result.Message, result.Outputs?.Result));
        Assert.Equal("Bearer tok-123", authorization);
        Assert.Equal("wf1", (string?)received!["workflow"]!["metadata"]!["name"]);
        Assert.Equal("argo", (string?)received["workflow"]!["metadata"]!["namespace"]);
        Assert.Equal("uid-wf1", (string?)received["workflow"]!["metadata"]!["uid"]);
        Assert.Equal("hi", (string?)received["template"]!["plugin"]!["hello"]!["greeting"]);
        Assert.Equal(0, harness.Invoker.Calls);
    }

    [Fact]
    public async Task A_plugin_template_no_plugin_takes_fails_with_argos_message()
    {
        await using var harness = await AgentHarness.StartAsync();
        await harness.StartAgentAsync();
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Plugin("other", new JsonObject { ["x"] = 1 }))));

        var result = await harness.WaitForResultAsync("wf1", "n");

        Assert.Equal(("Failed", "no plugin executed the template"), (result.Phase, result.Message));
    }

    [Fact]
    public async Task A_plugin_answering_an_error_status_fails_the_node_with_status_and_body()
    {
        await using var plugin = await TestHttpServer.StartAsync(async (c, _) =>
        {
            c.Response.StatusCode = 500;
            await c.Response.WriteAsync("kaput");
        });
        await using var harness = await AgentHarness.StartAsync();
        await harness.StartAgentAsync(AgentHarness.FastOptions(plugins: new PluginEndpoint("hello", plugin.BaseUri, null)));
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Plugin("hello", new JsonObject()))));

        var result = await harness.WaitForResultAsync("wf1", "n");

        Assert.Equal(("Failed", "500 Internal Server Error: kaput"), (result.Phase, result.Message));
    }

    [Fact]
    public async Task An_invalid_argoflow_template_fails_with_the_sidecars_message()
    {
        await using var harness = await AgentHarness.StartAsync();
        await harness.StartAgentAsync();
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Plugin("argoflow", new JsonObject { ["type"] = "rotate", ["endpoint"] = "x:1", ["request"] = new JsonObject() }))));

        var result = await harness.WaitForResultAsync("wf1", "n");

        Assert.Equal("Failed", result.Phase);
        Assert.Contains("plugin.argoflow.type must be one of", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Invoker.Calls);
    }
}
