using System.Text.Json.Nodes;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cli.Tests.Commands;

/// <summary>`argoflow agent` end to end in process: flags, a task served from a TaskSet, a clean stop.</summary>
public sealed class AgentCommandTests
{
    [Theory]
    [InlineData("-A -n argo", "-A/--all-namespaces and -n/--namespace exclude each other")]
    [InlineData("--plugin hello", "--plugin 'hello' must be NAME=URL[,token-file]")]
    [InlineData("--plugin hello=ftp://x", "--plugin hello: 'ftp://x' is not an http:// or https:// URL")]
    [InlineData("--workers 0", "--workers must be >= 1, got 0")]
    [InlineData("--drain-timeout soon", "--drain-timeout \"soon\": expected a duration")]
    public async Task Bad_flags_are_usage_errors_that_name_the_flag(string flags, string message)
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        var (code, _, err) = await h.RunAsync(["agent", "--http-port", "0", .. flags.Split(' ')]);
        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_serves_a_taskset_of_the_contexts_namespace_and_exits_0_when_stopped()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        using var stop = new CancellationTokenSource();
        var run = h.RunAsync(stop.Token, "agent", "--http-port", "0", "--lease-duration", "2s");
        h.Server.Store.Add(FakeResource.WorkflowTaskSets, "argo", (JsonObject)JsonNode.Parse("""
            {"apiVersion":"argoproj.io/v1alpha1","kind":"WorkflowTaskSet","metadata":{"name":"wf1","namespace":"argo"},
             "spec":{"tasks":{"wf1-1":{"name":"x","plugin":{"other":{}}}}}}
            """)!);

        string? message = null;
        for (var i = 0; i < 400 && message is null && !run.IsCompleted; i++)
        {
            message = (string?)h.Server.Store.Get(FakeResource.WorkflowTaskSets, "argo", "wf1")?["status"]?["nodes"]?["wf1-1"]?["message"];
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        var (code, _, err) = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(code == 0, err);
        Assert.Equal("no plugin executed the template", message);
        Assert.Contains("agent serving argo", err, StringComparison.Ordinal);
        Assert.Equal("", (string?)h.Server.Store.Get(FakeResource.Leases, "argo", "argoflow-agent")!["spec"]!["holderIdentity"]);
    }

    [Fact]
    public async Task Request_timeout_bounds_single_requests_but_the_taskset_watch_stays_open()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        using var stop = new CancellationTokenSource();
        var run = h.RunAsync(stop.Token, "agent", "--http-port", "0", "--leader-elect", "false", "--request-timeout", "1s");
        for (var i = 0; i < 400 && h.Server.WatchesOpened == 0 && !run.IsCompleted; i++)
        {
            await Task.Delay(50);
        }

        // Quiet for longer than --request-timeout: a watch bounded by it would be cut and opened again.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        h.Server.Store.Add(FakeResource.WorkflowTaskSets, "argo", (JsonObject)JsonNode.Parse("""
            {"apiVersion":"argoproj.io/v1alpha1","kind":"WorkflowTaskSet","metadata":{"name":"wf2","namespace":"argo"},
             "spec":{"tasks":{"wf2-1":{"name":"x","plugin":{"other":{}}}}}}
            """)!);
        string? message = null;
        for (var i = 0; i < 400 && message is null && !run.IsCompleted; i++)
        {
            message = (string?)h.Server.Store.Get(FakeResource.WorkflowTaskSets, "argo", "wf2")?["status"]?["nodes"]?["wf2-1"]?["message"];
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        var (code, _, err) = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(code == 0, err);
        Assert.Equal("no plugin executed the template", message);
        Assert.True(h.Server.WatchesOpened == 1, string.Join("\n", h.Server.Requests) + "\n" + err);
        // The watch's own bound: the server ends it after 54 s and the agent resumes it, well inside its minute of silence.
        Assert.Contains(h.Server.Requests, r => r.Contains("workflowtasksets?watch=true", StringComparison.Ordinal) && r.Contains("timeoutSeconds=54", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agent_help_has_examples_and_the_shared_cluster_flags()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        var (code, stdout, _) = await h.RunAsync("agent", "--help");

        Assert.Equal(0, code);
        Assert.Contains("\nExamples:\n  argoflow agent ", stdout, StringComparison.Ordinal);
        Assert.Contains("--request-timeout <DURATION>", stdout, StringComparison.Ordinal);
        Assert.Contains("--kubeconfig", stdout, StringComparison.Ordinal);
        Assert.Contains("-A, --all-namespaces", stdout, StringComparison.Ordinal);
    }
}
