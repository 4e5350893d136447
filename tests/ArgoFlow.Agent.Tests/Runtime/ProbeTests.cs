using System.Net;
using ArgoFlow.Agent.Hosting;
using ArgoFlow.Agent.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace ArgoFlow.Agent.Tests.Runtime;

/// <summary>/healthz, /readyz and /metrics of a running agent.</summary>
public sealed class ProbeTests
{
    [Fact]
    public async Task Readyz_tells_the_leader_from_the_standby_and_metrics_count_tasks()
    {
        await using var web = await TestHttpServer.StartAsync((c, _) => c.Response.WriteAsync("ok"));
        await using var harness = await AgentHarness.StartAsync();
        var a = await harness.StartAgentAsync(AgentHarness.FastOptions(AgentHarness.FastLease("a")));
        await harness.WaitAsync(() => a.Agent.IsLeading && a.Agent.IsReady, "replica a to lead and list");
        var b = await harness.StartAgentAsync(AgentHarness.FastOptions(AgentHarness.FastLease("b")));
        await using var hostA = await AgentHttpHost.StartAsync(a.Agent, () => true, IPAddress.Loopback, 0, CancellationToken.None);
        await using var hostB = await AgentHttpHost.StartAsync(b.Agent, () => false, IPAddress.Loopback, 0, CancellationToken.None);
        harness.Add(TaskSets.Create("wf1", ("n", TaskSets.Http(web.Url("/a")))));
        await harness.WaitForResultAsync("wf1", "n");
        using var http = new HttpClient();

        Assert.Equal("leading\n", await http.GetStringAsync(new Uri(hostA.Url, "/readyz")));
        Assert.Equal("standby\n", await http.GetStringAsync(new Uri(hostB.Url, "/readyz")));
        Assert.Equal("ok\n", await http.GetStringAsync(new Uri(hostA.Url, "/healthz")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri(hostB.Url, "/healthz"))).StatusCode);
        var metrics = await http.GetStringAsync(new Uri(hostA.Url, "/metrics"));
        Assert.Contains("argoflow_agent_tasks_total{type=\"HTTP\",phase=\"Succeeded\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("argoflow_agent_leader 1", metrics, StringComparison.Ordinal);
    }
}
