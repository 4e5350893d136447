using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Controller;
using ArgoFlow.Cluster.Tests.Support;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cluster.Tests.Controller;

public sealed class ControllerSettingsTests
{
    internal static JsonObject ControllerDeployment(string env) => (JsonObject)JsonNode.Parse(
        """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"workflow-controller","namespace":"argo"},"spec":{"template":{"spec":{"containers":[{"name":"workflow-controller","image":"quay.io/argoproj/workflow-controller:v4.1.2","env":[""" +
        env + "]}]}}}}")!;

    [Fact]
    public async Task ReadsTheLatencySettingsFromTheControllerDeployment()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Store.Add(new FakeResource("apps", "v1", "deployments", "Deployment"), "argo", ControllerDeployment(
            """{"name":"DEFAULT_REQUEUE_TIME","value":"1s"},{"name":"ARGO_AGENT_PATCH_RATE","value":"300ms"},{"name":"ARGO_EXECUTOR_PLUGINS","value":"true"}"""));

        var settings = await ControllerSettingsReader.ReadAsync(cluster.Api, "argo", CancellationToken.None);

        Assert.True(settings.Readable);
        Assert.Equal(("1s", "300ms", "true"), (settings.DefaultRequeueTime, settings.AgentPatchRate, settings.ExecutorPlugins));
        Assert.Equal("quay.io/argoproj/workflow-controller:v4.1.2", settings.Image);
        Assert.StartsWith("controller settings allow 1-3 s pipelines", Assert.Single(ControllerAdvice.For(settings)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultsAreExplainedWithTheCommandsToChangeThem()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Store.Add(new FakeResource("apps", "v1", "deployments", "Deployment"), "argo", ControllerDeployment(""));

        var advice = ControllerAdvice.For(await ControllerSettingsReader.ReadAsync(cluster.Api, "argo", CancellationToken.None));

        Assert.Equal(3, advice.Count);
        Assert.Contains("DEFAULT_REQUEUE_TIME is unset (10s): set 1s - `kubectl -n argo set env deploy/workflow-controller DEFAULT_REQUEUE_TIME=1s`", advice);
        Assert.Contains(advice, a => a.StartsWith("ARGO_AGENT_PATCH_RATE is unset (= requeue time, 10s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheExternalAgentSettingIsReadFromTheControllerConfigMap()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Store.Add(new FakeResource("apps", "v1", "deployments", "Deployment"), "argo", ControllerDeployment(
            """{"name":"DEFAULT_REQUEUE_TIME","value":"1s"},{"name":"ARGO_EXECUTOR_PLUGINS","value":"true"}"""));
        var before = await ControllerSettingsReader.ReadAsync(cluster.Api, "argo", CancellationToken.None);
        cluster.Server.Store.Add(new FakeResource("", "v1", "configmaps", "ConfigMap"), "argo", (JsonObject)JsonNode.Parse(
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"workflow-controller-configmap","namespace":"argo"},"data":{"disableAgentPodCreation":"true"}}""")!);

        var settings = await ControllerSettingsReader.ReadAsync(cluster.Api, "argo", CancellationToken.None);

        Assert.False(before.ExternalAgent);
        Assert.Contains(ControllerAdvice.For(before), a => a.StartsWith("ARGO_AGENT_PATCH_RATE", StringComparison.Ordinal));
        Assert.True(settings.ExternalAgent);
        Assert.Equal("true", settings.DisableAgentPodCreation);
        // No agent pod, no patch ticker: the patch-rate advice no longer applies.
        Assert.StartsWith("controller settings allow 1-3 s pipelines", Assert.Single(ControllerAdvice.For(settings)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableConfigMapLeavesTheAgentModeUnset()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Store.Add(new FakeResource("apps", "v1", "deployments", "Deployment"), "argo", ControllerDeployment(""));
        cluster.Server.Forbid("get", "configmaps");

        var settings = await ControllerSettingsReader.ReadAsync(cluster.Api, "argo", CancellationToken.None);

        Assert.True(settings.Readable);
        Assert.Null(settings.DisableAgentPodCreation);
        Assert.False(settings.ExternalAgent);
        // Unknown, not "unset": `get` must not conclude that Argo made an agent pod.
        Assert.False(settings.AgentModeKnown);
        Assert.StartsWith("configmap/workflow-controller-configmap not readable: ", settings.ConfigMapProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_absent_config_map_means_the_setting_is_unset_for_certain()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Store.Add(new FakeResource("apps", "v1", "deployments", "Deployment"), "argo", ControllerDeployment(""));

        var settings = await ControllerSettingsReader.ReadAsync(cluster.Api, "argo", CancellationToken.None);

        Assert.True(settings.AgentModeKnown);
        Assert.Null(settings.ConfigMapProblem);
        Assert.Null(settings.DisableAgentPodCreation);
    }

    [Fact]
    public async Task ForbiddenOrMissingDeploymentIsReportedNotFatal()
    {
        await using var cluster = await FakeCluster.StartAsync();

        var missing = await ControllerSettingsReader.ReadAsync(cluster.Api, "argo", CancellationToken.None);
        cluster.Server.Forbid("get", "deployments");
        var forbidden = await ControllerSettingsReader.ReadAsync(cluster.Api, "argo", CancellationToken.None);

        Assert.False(missing.Readable);
        Assert.Contains("not found in namespace \"argo\"", missing.Problem, StringComparison.Ordinal);
        Assert.Contains("forbidden", forbidden.Problem, StringComparison.Ordinal);
        Assert.Contains("each HTTP/plugin step waits", Assert.Single(ControllerAdvice.For(forbidden)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1s", 1000)]
    [InlineData("500ms", 500)]
    [InlineData("1m30s", 90000)]
    [InlineData("0.5s", 500)]
    public void GoDurationsAreParsed(string text, double ms)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(ms), ControllerAdvice.Parse(text));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("10")]
    [InlineData("5x")]
    public void NonDurationsAreNull(string text)
    {
        Assert.Null(ControllerAdvice.Parse(text));
    }
}
