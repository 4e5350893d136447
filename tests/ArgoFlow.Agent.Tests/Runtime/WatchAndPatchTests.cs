using System.Text.Json.Nodes;
using ArgoFlow.Agent.Tests.Support;
using ArgoFlow.TestSupport.FakeKube;
using Microsoft.AspNetCore.Http;

namespace ArgoFlow.Agent.Tests.Runtime;

/// <summary>The agent's watch and patch paths against the API server's failure modes.</summary>
public sealed class WatchAndPatchTests
{
    private static Task Ok(HttpContext context, string body) => context.Response.WriteAsync("done");

    [Fact]
    public async Task A_410_on_the_watch_relists_and_a_taskset_written_meanwhile_still_runs()
    {
        await using var web = await TestHttpServer.StartAsync(Ok);
        await using var harness = await AgentHarness.StartAsync();
        await harness.StartAgentAsync();
        await harness.WaitAsync(() => harness.Server.WatchesOpened >= 1, "the agent's first watch");
        var opened = harness.Server.WatchesOpened;
        harness.Server.PauseWatches();
        harness.Server.DropWatchConnections();
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Http(web.Url("/a")))));
        harness.Server.Store.Compact();
        harness.Server.ResumeWatches();

        var result = await harness.WaitForResultAsync("wf1", "n");

        Assert.Equal("Succeeded", result.Phase);
        Assert.Equal(2, harness.Server.Requests.Count(r => r == "GET /apis/argoproj.io/v1alpha1/namespaces/argo/workflowtasksets"));
        Assert.True(harness.Server.WatchesOpened > opened);
        Assert.Equal(1, web.Count("/a"));
    }

    [Fact]
    public async Task A_refused_patch_reports_the_node_as_Error_with_argos_reason()
    {
        await using var web = await TestHttpServer.StartAsync(async (c, _) => await c.Response.WriteAsync("poison"));
        await using var harness = await AgentHarness.StartAsync();
        harness.Server.AddValidator((resource, obj) =>
            resource == FakeResource.WorkflowTaskSets && obj["status"]?.ToJsonString().Contains("poison", StringComparison.Ordinal) == true
                ? [new FakeFieldError("status.nodes", "Invalid value: the result is refused by a test rule")]
                : []);
        var running = await harness.StartAgentAsync();
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Http(web.Url("/p")))));

        var result = await harness.WaitForResultAsync("wf1", "n");

        Assert.Equal("Error", result.Phase);
        Assert.StartsWith("HTTP request completed successfully but an error occurred when patching its result: WorkflowTaskSet.argoproj.io \"wf1\" is invalid", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, running.Agent.Metrics.ResultsDropped);
    }

    [Fact]
    public async Task Transient_patch_failures_are_retried_until_the_result_lands()
    {
        await using var web = await TestHttpServer.StartAsync(Ok);
        await using var harness = await AgentHarness.StartAsync();
        await harness.StartAgentAsync();
        harness.Server.FailNext("patch", "workflowtasksets/status", times: 3, code: 503);
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Http(web.Url("/a")))));

        var result = await harness.WaitForResultAsync("wf1", "n");

        Assert.Equal(("Succeeded", "done"), (result.Phase, result.Outputs?.Result));
        Assert.Equal(4, harness.Server.Requests.Count(r => r.StartsWith("PATCH /apis/argoproj.io/v1alpha1/namespaces/argo/workflowtasksets/wf1/status", StringComparison.Ordinal)));
        Assert.Equal(1, web.Count("/a"));
    }

    [Fact]
    public async Task A_taskset_labelled_completed_gets_no_more_work_and_its_calls_in_flight_are_cancelled()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var web = await TestHttpServer.StartBlockingAsync("/slow", started);
        await using var harness = await AgentHarness.StartAsync();
        await harness.StartAgentAsync();
        harness.Add(TaskSets.Create("wf1", ("slow", TaskSets.Http(web.Url("/slow")))));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        harness.Server.Store.Update(FakeResource.WorkflowTaskSets, AgentHarness.Ns, "wf1", o =>
        {
            o["metadata"]!["labels"] = new JsonObject { ["workflows.argoproj.io/completed"] = "true" };
            o["spec"]!["tasks"]!["late"] = TaskSets.Http(web.Url("/late"));
        });
        await harness.WaitAsync(() => web.Aborted.Contains("/slow"), "the in-flight call to be cancelled");
        harness.Add(TaskSets.Create("wf2", ("n", TaskSets.Http(web.Url("/late")))));
        await harness.WaitForResultAsync("wf2", "n", r => r.Phase is not null, seconds: 20);

        Assert.Equal(1, web.Count("/late"));
        Assert.Empty(harness.Read("wf1")!.Nodes);
    }

    [Fact]
    public async Task A_deleted_taskset_cancels_its_calls_and_the_agent_serves_the_others()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var web = await TestHttpServer.StartBlockingAsync("/slow", started);
        await using var harness = await AgentHarness.StartAsync();
        var agent = await harness.StartAgentAsync();
        harness.Add(TaskSets.Create("wf1", ("slow", TaskSets.Http(web.Url("/slow")))));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        harness.Server.Store.Delete(FakeResource.WorkflowTaskSets, AgentHarness.Ns, "wf1");
        await harness.WaitAsync(() => web.Aborted.Contains("/slow"), "the deleted TaskSet's call to be cancelled");
        harness.Add(TaskSets.Create("wf2", ("n", TaskSets.Http(web.Url("/fast")))));

        Assert.Equal("Succeeded", (await harness.WaitForResultAsync("wf2", "n")).Phase);
        Assert.Equal(0, agent.Agent.Metrics.ResultsDropped);
        Assert.DoesNotContain(harness.Server.Requests, r => r.Contains("workflowtasksets/wf1/status", StringComparison.Ordinal));
    }
}
