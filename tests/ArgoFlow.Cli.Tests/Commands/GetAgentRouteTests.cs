using System.Text.Json.Nodes;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cli.Tests.Commands;

/// <summary>`argoflow get` says whether a workflow's http and plugin steps ran in Argo's agent pod or the external agent.</summary>
public sealed class GetAgentRouteTests
{
    private static FakeResource Kind(string plural) => FakeResource.All.Single(r => r.Plural == plural);

    private static async Task<string> RunWorkflowAsync(ClusterCommandHarness h)
    {
        h.AddTemplate();
        h.Server.Controller.AutoRun = true;
        var (code, stdout, err) = await h.RunAsync("submit", "--from", "workflowtemplate/pipeline", "--wait", "-o", "name");
        Assert.True(code == 0, err);
        return stdout.Trim();
    }

    private static void AddController(ClusterCommandHarness h, string? disableAgentPodCreation)
    {
        h.Server.Store.Add(Kind("deployments"), "argo", (JsonObject)JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"workflow-controller","namespace":"argo"},
             "spec":{"template":{"spec":{"containers":[{"name":"workflow-controller","image":"quay.io/argoproj/workflow-controller:v4.1.0"}]}}}}
            """)!);
        if (disableAgentPodCreation is not null)
        {
            h.Server.Store.Add(Kind("configmaps"), "argo", new JsonObject
            {
                ["apiVersion"] = "v1", ["kind"] = "ConfigMap",
                ["metadata"] = new JsonObject { ["name"] = "workflow-controller-configmap", ["namespace"] = "argo" },
                ["data"] = new JsonObject { ["disableAgentPodCreation"] = disableAgentPodCreation },
            });
        }
    }

    private static void AddTaskSet(ClusterCommandHarness h, string workflow) =>
        h.Server.Store.Add(FakeResource.WorkflowTaskSets, "argo", (JsonObject)JsonNode.Parse("""
            {"apiVersion":"argoproj.io/v1alpha1","kind":"WorkflowTaskSet","metadata":{"name":"WF","namespace":"argo"},
             "spec":{"tasks":{"WF-1":{"name":"a","http":{"url":"http://x"}},"WF-2":{"name":"b","http":{"url":"http://y"}}}},
             "status":{"nodes":{"WF-1":{"phase":"Succeeded"}}}}
            """.Replace("WF", workflow, StringComparison.Ordinal))!);

    private static void AddAgentPod(ClusterCommandHarness h, string workflow, string name, string component = "agent") =>
        h.Server.Store.Add(Kind("pods"), "argo", new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = name, ["namespace"] = "argo",
                ["labels"] = new JsonObject { ["workflows.argoproj.io/workflow"] = workflow, ["workflows.argoproj.io/component"] = component },
            },
        });

    [Fact]
    public async Task With_disable_agent_pod_creation_and_no_agent_pod_get_reports_the_external_agent_in_text_and_json()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        var name = await RunWorkflowAsync(h);
        AddController(h, "true");
        AddTaskSet(h, name);
        // Another workflow's agent pod and a pod of this workflow that is no agent do not count.
        AddAgentPod(h, "other-wf", "other-wf-1234-agent");
        AddAgentPod(h, name, name + "-resize", component: "main");

        var text = await h.RunAsync("get", name);
        var json = await h.RunAsync("get", name, "-o", "json");
        var yaml = await h.RunAsync("get", name, "-o", "yaml");

        Assert.True(text.Code == 0, text.Err);
        Assert.Contains($"Agent:          external agent (argoflow agent); disableAgentPodCreation: \"true\"; no agent pod; TaskSet argo/{name}: 1 of 2 open task(s) reported\n", text.Out, StringComparison.Ordinal);
        var agent = JsonNode.Parse(json.Out)!["argoflow"]!["agent"]!;
        Assert.Equal("external", (string?)agent["mode"]);
        Assert.Equal(2, (int)agent["agentSteps"]!);
        Assert.Equal("true", (string?)agent["disableAgentPodCreation"]);
        Assert.Empty(agent["agentPods"]!.AsArray());
        Assert.Equal(2, (int)agent["taskSet"]!["tasks"]!);
        Assert.Equal(1, (int)agent["taskSet"]!["results"]!);
        Assert.Equal("Succeeded", (string?)JsonNode.Parse(json.Out)!["status"]!["phase"]);
        Assert.Contains("argoflow:\n  agent:\n    mode: external\n", yaml.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_wait_ends_with_the_same_agent_line_as_get()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.AddTemplate();
        h.Server.Controller.AutoRun = true;
        AddController(h, "true");

        var (code, stdout, err) = await h.RunAsync("submit", "--from", "workflowtemplate/pipeline", "--wait");
        var name = h.Server.Store.List(Kind("workflows"), "argo").Single()["metadata"]!["name"]!.GetValue<string>();
        var get = await h.RunAsync("get", name);

        Assert.True(code == 0, err);
        var line = stdout.Split('\n').Single(l => l.StartsWith("Agent:", StringComparison.Ordinal));
        Assert.StartsWith("Agent:          external agent (argoflow agent); disableAgentPodCreation: \"true\"", line, StringComparison.Ordinal);
        Assert.Contains(line + "\n", get.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_pod_of_the_workflow_means_argos_agent_whatever_the_setting_says()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        var name = await RunWorkflowAsync(h);
        AddController(h, "true");
        AddAgentPod(h, name, name + "-1340600742-agent");

        var (code, stdout, err) = await h.RunAsync("get", name);

        Assert.True(code == 0, err);
        Assert.Contains($"Agent:          Argo's agent pod; disableAgentPodCreation: \"true\"; agent pod {name}-1340600742-agent; no TaskSet\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_setting_unset_argo_made_an_agent_pod_even_when_it_is_gone()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        var name = await RunWorkflowAsync(h);
        AddController(h, null);

        var json = await h.RunAsync("get", name, "-o", "json");

        var agent = JsonNode.Parse(json.Out)!["argoflow"]!["agent"]!;
        Assert.Equal("agent-pod", (string?)agent["mode"]);
        Assert.Null(agent["disableAgentPodCreation"]);
        Assert.Contains("disableAgentPodCreation unset; no agent pod", (string?)agent["summary"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_readable_controller_the_route_is_unknown_and_names_the_reason_and_refused_reads()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        var name = await RunWorkflowAsync(h);
        h.Server.Forbid("list", "pods");
        h.Server.Forbid("get", "workflowtasksets");

        var (code, stdout, err) = await h.RunAsync("get", name, "--controller-namespace", "argo-system");

        Assert.True(code == 0, err);
        var line = stdout.Split('\n').Single(l => l.StartsWith("Agent:", StringComparison.Ordinal));
        Assert.StartsWith("Agent:          unknown; controller settings deployment/workflow-controller not found in namespace \"argo-system\" (use --controller-namespace); agent pods not listed: ", line, StringComparison.Ordinal);
        Assert.Contains("; TaskSet not read: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_without_http_or_plugin_steps_reads_nothing_more_and_says_none()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.Server.Store.Add(FakeResource.Workflows, "argo", (JsonObject)JsonNode.Parse("""
            {"apiVersion":"argoproj.io/v1alpha1","kind":"Workflow","metadata":{"name":"pods-only","namespace":"argo"},
             "spec":{"entrypoint":"main"},
             "status":{"phase":"Succeeded","nodes":{"pods-only-1":{"id":"pods-only-1","name":"pods-only.a","displayName":"a","type":"Pod","phase":"Succeeded"}}}}
            """)!);
        h.Server.Requests.Clear();

        var (code, stdout, err) = await h.RunAsync("get", "pods-only");

        Assert.True(code == 0, err);
        Assert.Contains("Agent:          none (no http or plugin steps)\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Server.Requests, r => r.Contains("/api/v1/namespaces/argo/pods", StringComparison.Ordinal) || r.Contains("workflow-controller", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Output_name_stays_the_name_alone()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        var name = await RunWorkflowAsync(h);

        var (_, stdout, _) = await h.RunAsync("get", name, "-o", "name");

        Assert.Equal(name + "\n", stdout);
    }
}
