using System.Collections.Concurrent;
using ArgoFlow.Agent.Tests.Support;
using ArgoFlow.Cluster.TaskSets;
using ArgoFlow.TestSupport.FakeKube;
using Microsoft.AspNetCore.Http;

namespace ArgoFlow.Agent.Tests.Runtime;

/// <summary>Several replicas behind one Lease; SIGTERM drains; many TaskSets at once.</summary>
public sealed class ReplicaTests
{
    [Fact]
    public async Task With_two_replicas_one_works_and_a_killed_leaders_task_resumes_on_the_other_never_twice_at_once()
    {
        var firstCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        await using var web = await TestHttpServer.StartAsync(async (c, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstCall.TrySetResult();
                await Task.Delay(Timeout.Infinite, c.RequestAborted);
            }

            await c.Response.WriteAsync("ok");
        });
        await using var harness = await AgentHarness.StartAsync();
        var a = await harness.StartAgentAsync(AgentHarness.FastOptions(AgentHarness.FastLease("a")));
        await harness.WaitAsync(() => a.Agent.IsLeading, "replica a to lead");
        var b = await harness.StartAgentAsync(AgentHarness.FastOptions(AgentHarness.FastLease("b")));
        Assert.False(b.Agent.IsLeading);
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Http(web.Url("/work")))));
        await firstCall.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var killed = DateTime.UtcNow;
        await a.KillAsync();
        var result = await harness.WaitForResultAsync("wf1", "n");
        var failover = DateTime.UtcNow - killed;

        Assert.Equal(("Succeeded", "ok"), (result.Phase, result.Outputs?.Result));
        Assert.True(b.Agent.IsLeading);
        Assert.Equal(2, web.Count("/work"));
        Assert.Equal(1, web.MaxConcurrent["/work"]);
        Assert.True(failover < TimeSpan.FromSeconds(10), $"failover took {failover}");
        var lease = harness.Server.Store.Get(FakeResource.Leases, AgentHarness.Ns, "argoflow-agent")!;
        Assert.Equal("b", (string?)lease["spec"]!["holderIdentity"]);
        Assert.Equal(1, (int?)lease["spec"]!["leaseTransitions"]);
    }

    [Fact]
    public async Task Sigterm_drains_the_task_in_flight_patches_it_then_releases_the_lease_to_the_standby()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var web = await TestHttpServer.StartAsync(async (c, _) =>
        {
            started.TrySetResult();
            await release.Task;
            await c.Response.WriteAsync("drained");
        });
        await using var harness = await AgentHarness.StartAsync();
        var a = await harness.StartAgentAsync(AgentHarness.FastOptions(AgentHarness.FastLease("a")));
        await harness.WaitAsync(() => a.Agent.IsLeading, "replica a to lead");
        var b = await harness.StartAgentAsync(AgentHarness.FastOptions(AgentHarness.FastLease("b")));
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Http(web.Url("/drain")))));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var stopping = a.StopAsync();
        Assert.NotSame(stopping, await Task.WhenAny(stopping, Task.Delay(200)));
        release.SetResult();
        await stopping;

        Assert.Equal(("Succeeded", "drained"), (harness.Read("wf1")!.Nodes["n"].Phase, harness.Read("wf1")!.Nodes["n"].Outputs?.Result));
        await harness.WaitAsync(() => b.Agent.IsLeading, "the standby to take the released lease");
        Assert.Equal(1, web.Count("/drain"));
    }

    [Fact]
    public async Task Fifty_tasksets_at_once_get_exactly_one_result_per_node()
    {
        var seen = new ConcurrentDictionary<string, int>();
        await using var web = await TestHttpServer.StartAsync(async (c, _) =>
        {
            seen.AddOrUpdate(c.Request.Path.Value!, 1, (_, n) => n + 1);
            await c.Response.WriteAsync(c.Request.Path.Value!);
        });
        await using var harness = await AgentHarness.StartAsync();
        var agent = await harness.StartAgentAsync();

        for (var i = 0; i < 50; i++)
        {
            harness.Add(TaskSets.Create($"wf{i}", ($"wf{i}-a", TaskSets.Http(web.Url($"/wf{i}/a"))), ($"wf{i}-b", TaskSets.Http(web.Url($"/wf{i}/b")))));
        }

        await harness.WaitAsync(
            () => Enumerable.Range(0, 50).All(i => harness.Read($"wf{i}")!.Nodes.Count == 2),
            "a result for all 100 nodes", seconds: 60);

        Assert.Equal(100, seen.Count);
        Assert.All(seen.Values, count => Assert.Equal(1, count));
        for (var i = 0; i < 50; i++)
        {
            var nodes = harness.Read($"wf{i}")!.Nodes;
            Assert.Equal($"/wf{i}/a", nodes[$"wf{i}-a"].Outputs?.Result);
            Assert.Equal($"/wf{i}/b", nodes[$"wf{i}-b"].Outputs?.Result);
        }

        // The counter moves when the patch call returns, which may be just after the stored results are visible.
        await harness.WaitAsync(() => agent.Agent.Metrics.ResultsPatched >= 100, "the patch counter to reach 100", seconds: 10);
        Assert.Equal(100, agent.Agent.Metrics.ResultsPatched);
        Assert.Equal(0, agent.Agent.Metrics.ResultsDropped);
    }
}
