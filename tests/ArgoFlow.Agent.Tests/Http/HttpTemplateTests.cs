using System.Text;
using System.Text.Json.Nodes;
using ArgoFlow.Agent.Tests.Support;
using ArgoFlow.TestSupport.FakeKube;
using Microsoft.AspNetCore.Http;

namespace ArgoFlow.Agent.Tests.Http;

/// <summary>http templates in a WorkflowTaskSet, executed by a running agent, results read back from status.nodes.</summary>
public sealed class HttpTemplateTests
{
    private static Task Answer(HttpContext context, int status, string body, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    [Fact]
    public async Task A_2xx_answer_succeeds_with_the_body_as_result_and_the_request_as_written()
    {
        await using var web = await TestHttpServer.StartAsync((c, _) => Answer(c, 200, """{"output":"s3://b/k.jpg"}"""));
        await using var harness = await AgentHarness.StartAsync();
        await harness.StartAgentAsync();
        var headers = new JsonArray(new JsonObject { ["name"] = "X-Trace", ["value"] = "t1" }, new JsonObject { ["name"] = "Host", ["value"] = "resize.argo.svc" });
        harness.Add(TaskSets.Create("wf1", ("wf1-1", TaskSets.Http(web.Url("/v1/resize"), body: """{"input":"a.jpg"}""", headers: headers))));

        var result = await harness.WaitForResultAsync("wf1", "wf1-1");

        Assert.Equal("Succeeded", result.Phase);
        Assert.Null(result.Message);
        Assert.Equal("""{"output":"s3://b/k.jpg"}""", result.Outputs?.Result);
        var request = Assert.Single(web.Requests);
        Assert.Equal(("POST", "/v1/resize", """{"input":"a.jpg"}"""), (request.Method, request.Path, request.Body));
        Assert.Equal("t1", request.Headers["X-Trace"]);
        Assert.Equal("resize.argo.svc", request.Headers["Host"]);
    }

    [Fact]
    public async Task A_non_2xx_answer_fails_with_argos_message_and_keeps_the_body()
    {
        await using var web = await TestHttpServer.StartAsync((c, _) => Answer(c, 503, "busy"));
        await using var harness = await AgentHarness.StartAsync();
        await harness.StartAgentAsync();
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Http(web.Url("/x")))));

        var result = await harness.WaitForResultAsync("wf1", "n");

        Assert.Equal(("Failed", "received non-2xx response code: 503", "busy"), (result.Phase, result.Message, result.Outputs?.Result));
    }

    [Fact]
    public async Task A_call_past_timeoutSeconds_fails_with_gos_deadline_message()
    {
        await using var web = await TestHttpServer.StartAsync(async (c, _) => await Task.Delay(Timeout.Infinite, c.RequestAborted));
        await using var harness = await AgentHarness.StartAsync();
        await harness.StartAgentAsync();
        var url = web.Url("/slow");
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Http(url, method: "GET", timeoutSeconds: 1))));

        var result = await harness.WaitForResultAsync("wf1", "n");

        Assert.Equal("Failed", result.Phase);
        Assert.Equal($"Get \"{url}\": context deadline exceeded", result.Message);
    }

    [Fact]
    public async Task A_secret_header_is_read_from_the_tasksets_namespace_and_a_missing_key_fails_with_argos_words()
    {
        await using var web = await TestHttpServer.StartAsync((c, _) => Answer(c, 200, "ok", "text/plain"));
        await using var harness = await AgentHarness.StartAsync();
        harness.Server.Store.Add(FakeResource.Secrets, AgentHarness.Ns, new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Secret", ["metadata"] = new JsonObject { ["name"] = "api" },
            ["data"] = new JsonObject { ["token"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("s3cr3t")) },
        });
        await harness.StartAgentAsync();
        JsonArray Header(string key) => new(new JsonObject
        {
            ["name"] = "Authorization",
            ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = "api", ["key"] = key } },
        });
        harness.Add(TaskSets.Create("wf1", ("good", TaskSets.Http(web.Url("/a"), headers: Header("token"))), ("bad", TaskSets.Http(web.Url("/b"), headers: Header("nope")))));

        var good = await harness.WaitForResultAsync("wf1", "good");
        var bad = await harness.WaitForResultAsync("wf1", "bad");

        Assert.Equal("Succeeded", good.Phase);
        Assert.Equal("s3cr3t", web.Requests.Single(r => r.Path == "/a").Headers["Authorization"]);
        Assert.Equal(("Failed", "secret 'api' does not have the key 'nope'"), (bad.Phase, bad.Message));
        Assert.Equal(0, web.Count("/b"));
    }

    [Theory]
    [InlineData("response.statusCode == 200 && fromJSON(response.body).phase == 'Succeeded'", "Succeeded", null)]
    [InlineData("response.statusCode == 201", "Failed", "successCondition 'response.statusCode == 201' evaluated false")]
    [InlineData("response.headers['Content-Type'][0] startsWith 'application/json' and request.method == 'POST'", "Succeeded", null)]
    [InlineData("'ok' in fromJSON(response.body).tags && len(response.body) > 10", "Succeeded", null)]
    [InlineData("response.statusCode == 200 ? true : false", "Failed", "unsupported")]
    public async Task The_successCondition_decides_and_an_unsupported_construct_fails_naming_it(string condition, string phase, string? message)
    {
        await using var web = await TestHttpServer.StartAsync((c, _) => Answer(c, 200, """{"phase":"Succeeded","tags":["ok"]}"""));
        await using var harness = await AgentHarness.StartAsync();
        await harness.StartAgentAsync();
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Http(web.Url("/p"), successCondition: condition))));

        var result = await harness.WaitForResultAsync("wf1", "n");

        Assert.Equal(phase, result.Phase);
        if (message == "unsupported")
        {
            Assert.Contains("?:", result.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(message, result.Message);
        }
    }
}
