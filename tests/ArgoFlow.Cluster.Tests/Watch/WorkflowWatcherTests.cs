using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Submit;
using ArgoFlow.Cluster.Tests.Support;
using ArgoFlow.Cluster.Watch;
using ArgoFlow.Core.Errors;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cluster.Tests.Watch;

public sealed class WorkflowWatcherTests
{
    [Fact]
    public async Task WatchFollowsTheWorkflowThroughEveryPhaseToSucceeded()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var name = await cluster.SubmitPipelineAsync();
        var recorder = new WatchRecorder();
        var watch = cluster.WatchAsync(name, recorder);
        await recorder.WaitForAsync(s => true);

        await cluster.Server.Controller.RunAsync(name);
        var final = await watch;

        Assert.Equal(WorkflowPhase.Succeeded, final.Phase);
        Assert.Equal(["Pending", "Running", "Succeeded"], recorder.Phases.Where(p => p is not null).Distinct());
        var steps = final.Workflow.Status!.Nodes!.Values.Where(n => n.IsStep).OrderBy(n => n.StartedAt).ToList();
        Assert.Equal(["resize", "detect", "filter"], steps.Select(s => s.DisplayName));
        Assert.All(steps, s => Assert.Equal(TimeSpan.FromSeconds(1), s.FinishedAt - s.StartedAt));
        Assert.Equal(SimulatedController.NodeId(name, $"{name}.resize"), steps[0].Id);
        Assert.Equal("HTTP", steps[0].Type);
        Assert.Equal(1, cluster.Server.WatchesOpened);
        // Followed by a watch, not polling: the object itself was read once.
        Assert.Single(cluster.Server.Requests, r => r == $"GET /apis/argoproj.io/v1alpha1/namespaces/argo/workflows/{name}");
    }

    [Fact]
    public async Task DroppedConnectionResumesFromTheLastResourceVersionWithoutMissingAChange()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var name = await cluster.SubmitPipelineAsync();
        var recorder = new WatchRecorder();
        var watch = cluster.WatchAsync(name, recorder);
        await cluster.Server.Controller.AdvanceAsync(name, 2);
        await recorder.WaitForAsync(s => s.Phase == WorkflowPhase.Running);
        await cluster.WatchOpenAsync();

        cluster.Server.PauseWatches();
        cluster.Server.DropWatchConnections();
        await cluster.Server.Controller.AdvanceAsync(name, 2);
        cluster.Server.ResumeWatches();
        await cluster.Server.Controller.RunAsync(name);
        var final = await watch;

        Assert.Equal(WorkflowPhase.Succeeded, final.Phase);
        Assert.True(cluster.Server.WatchesOpened >= 2);
        Assert.Contains(cluster.Server.Requests, r => r.Contains("watch=true", StringComparison.Ordinal) && r.Contains("resourceVersion=", StringComparison.Ordinal));
        Assert.Contains(recorder.Snapshots, s => s.Workflow.Status?.Nodes?.Values.Any(n => n.DisplayName == "resize" && n.Phase == WorkflowPhase.Succeeded) == true
                                                 && s.Workflow.Status.Nodes.Values.All(n => n.DisplayName != "detect"));
    }

    [Fact]
    public async Task TooOldResourceVersionIsReReadAfter410Gone()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var name = await cluster.SubmitPipelineAsync();
        var recorder = new WatchRecorder();
        var watch = cluster.WatchAsync(name, recorder);
        await cluster.Server.Controller.AdvanceAsync(name, 2);
        await recorder.WaitForAsync(s => s.Phase == WorkflowPhase.Running);
        await cluster.WatchOpenAsync();

        cluster.Server.PauseWatches();
        cluster.Server.DropWatchConnections();
        await cluster.Server.Controller.AdvanceAsync(name, 3);
        cluster.Server.Store.Compact();
        cluster.Server.ResumeWatches();
        await recorder.WaitForNoticeAsync("watch expired");
        await cluster.Server.Controller.RunAsync(name);
        var final = await watch;

        Assert.Equal(WorkflowPhase.Succeeded, final.Phase);
        Assert.Contains(recorder.Notices, n => n.Contains("too old resource version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailedStepEndsTheWatchWithTheFailedPhaseAndMessage()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var name = await cluster.SubmitPipelineAsync();
        cluster.Server.Controller.FailingSteps["detect"] = "model not loaded";
        var watch = cluster.WatchAsync(name, new WatchRecorder());

        await cluster.Server.Controller.RunAsync(name);
        var final = await watch;

        Assert.Equal(WorkflowPhase.Failed, final.Phase);
        var ex = Assert.Throws<ArgoFlowException>(() => WorkflowWaiter.ThrowIfNotSucceeded(final));
        Assert.Equal(ExitCode.Failed, ex.ExitCode);
        Assert.Contains("child '", ex.Message, StringComparison.Ordinal);
        Assert.Equal("model not loaded", final.Workflow.Status!.Nodes!.Values.Single(n => n.DisplayName == "detect").Message);
        Assert.DoesNotContain(final.Workflow.Status.Nodes.Values, n => n.DisplayName == "filter");
    }

    [Fact]
    public async Task TimeoutStopsWaitingWithTheTimeoutCodeAndDeletesNothing()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var name = await cluster.SubmitPipelineAsync();
        var waiter = new WorkflowWaiter(new WorkflowWatcher(cluster.Argo, TimeProvider.System, FakeCluster.FastWatch), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() => waiter.WaitAsync(name, new WatchRecorder(), TimeSpan.FromMilliseconds(50), CancellationToken.None));

        Assert.Equal(ExitCode.Timeout, ex.ExitCode);
        Assert.NotNull(cluster.Server.Store.Get(FakeResource.Workflows, "argo", name));
        Assert.DoesNotContain(cluster.Server.Requests, r => r.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeletedWorkflowEndsTheWatchWithAClearError()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var name = await cluster.SubmitPipelineAsync();
        var recorder = new WatchRecorder();
        var watch = cluster.WatchAsync(name, recorder);
        await cluster.Server.Controller.AdvanceAsync(name, 1);
        await recorder.WaitForAsync(s => s.Phase == WorkflowPhase.Pending);

        cluster.Server.Store.Delete(FakeResource.Workflows, "argo", name);

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() => watch);
        Assert.Contains("was deleted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObservationRecordsClientTimesForEveryStep()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var name = await cluster.SubmitPipelineAsync();
        var clock = new ManualClock();
        var observation = new WorkflowObservation(clock, null, clock.GetUtcNow());
        var watch = cluster.WatchAsync(name, observation);

        await cluster.Server.Controller.RunAsync(name);
        await watch;

        Assert.Equal(3, observation.Steps.Count);
        Assert.NotNull(observation.WallTime);
        Assert.All(observation.Steps.Values, s => Assert.NotNull(s.SeenCompleted));
    }
}
