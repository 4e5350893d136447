using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Tests.Support;
using ArgoFlow.Cluster.Watch;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Tests.Watch;

/// <summary>
/// Error answers to the watch request from the fake API server: 429 and transient 5xx are retried (bounded) from the
/// last resourceVersion, 410 Gone re-reads the workflow, anything else ends the watch at once.
/// </summary>
public sealed class WatchRetryTests
{
    private const string WatchPath = "GET /apis/argoproj.io/v1alpha1/namespaces/argo/workflows?watch=true";

    [Fact]
    public async Task A_500_on_the_watch_is_retried_from_the_same_resource_version_and_misses_no_change()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var name = await cluster.SubmitPipelineAsync();
        var recorder = new WatchRecorder();
        cluster.Server.PauseWatches();
        cluster.Server.FailNext("watch", "workflows");

        var watch = cluster.WatchAsync(name, recorder);
        await recorder.WaitForNoticeAsync("watch answered 500");
        await cluster.Server.Controller.AdvanceAsync(name, 2);
        cluster.Server.ResumeWatches();
        await cluster.Server.Controller.RunAsync(name);
        var final = await watch;

        Assert.Equal(WorkflowPhase.Succeeded, final.Phase);
        var watches = WatchRequests(cluster);
        Assert.Equal(2, watches.Count);
        Assert.Equal(watches[0], watches[1]);
        Assert.Contains("resourceVersion=", watches[0], StringComparison.Ordinal);
        Assert.Contains(recorder.Notices, n => n.Contains("etcdserver: request timed out", StringComparison.Ordinal));
        // The changes made while the watch was refused were replayed, not skipped.
        Assert.Contains(WorkflowPhase.Pending, recorder.Phases);
        Assert.Contains(WorkflowPhase.Running, recorder.Phases);
    }

    [Theory]
    [InlineData(429, "in 5 ms")]
    [InlineData(502, "in 1 ms")]
    [InlineData(503, "in 1 ms")]
    [InlineData(504, "in 1 ms")]
    public async Task Throttling_and_unavailable_answers_are_retried_and_retry_after_is_honoured_up_to_the_cap(int code, string pause)
    {
        await using var cluster = await FakeCluster.StartAsync();
        var name = await cluster.SubmitPipelineAsync();
        var recorder = new WatchRecorder();
        cluster.Server.FailNext("watch", "workflows", times: 2, code: code);

        var watch = cluster.WatchAsync(name, recorder);
        await recorder.WaitForAsync(_ => true);
        await cluster.Server.Controller.RunAsync(name);
        var final = await watch;

        Assert.Equal(WorkflowPhase.Succeeded, final.Phase);
        Assert.Equal(3, WatchRequests(cluster).Count);
        Assert.Contains(recorder.Notices, n => n.StartsWith($"watch answered {code} ", StringComparison.Ordinal) && n.EndsWith(pause, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gone_on_the_watch_request_re_reads_the_workflow_and_watches_from_the_new_version()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var name = await cluster.SubmitPipelineAsync();
        var recorder = new WatchRecorder();
        cluster.Server.FailNext("watch", "workflows", code: 410);

        var watch = cluster.WatchAsync(name, recorder);
        await recorder.WaitForNoticeAsync("watch expired");
        await cluster.Server.Controller.RunAsync(name);
        var final = await watch;

        Assert.Equal(WorkflowPhase.Succeeded, final.Phase);
        Assert.Equal(2, cluster.Server.Requests.Count(r => r == $"GET /apis/argoproj.io/v1alpha1/namespaces/argo/workflows/{name}"));
        Assert.Contains(recorder.Notices, n => n.Contains("too old resource version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_errors_that_persist_end_the_watch_after_the_configured_attempts()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var name = await cluster.SubmitPipelineAsync();
        cluster.Server.FailNext("watch", "workflows", times: 100);
        var settings = FakeCluster.FastWatch with { MaxReconnectAttempts = 3 };

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() =>
            cluster.WatchAsync(name, new WatchRecorder(), settings));

        Assert.Equal(ExitCode.Unavailable, ex.ExitCode);
        Assert.Contains("after 3 reconnect attempts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("etcdserver: request timed out", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"argoflow get {name}", ex.Hint, StringComparison.Ordinal);
        Assert.Equal(4, WatchRequests(cluster).Count);
    }

    [Fact]
    public async Task A_forbidden_watch_is_final_and_not_retried()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var name = await cluster.SubmitPipelineAsync();
        cluster.Server.Forbid("watch", "workflows");

        var ex = await Assert.ThrowsAsync<KubeApiException>(() =>
            cluster.WatchAsync(name, new WatchRecorder()));

        Assert.Equal(403, ex.Code);
        Assert.Single(WatchRequests(cluster));
    }

    private static List<string> WatchRequests(FakeCluster cluster) =>
        cluster.Server.Requests.Where(r => r.StartsWith(WatchPath, StringComparison.Ordinal)).ToList();
}
