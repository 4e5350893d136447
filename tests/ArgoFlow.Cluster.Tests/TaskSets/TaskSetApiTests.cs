using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.TaskSets;
using ArgoFlow.Cluster.Tests.Support;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cluster.Tests.TaskSets;

/// <summary>The fake API server's WorkflowTaskSets behave like the CRD on a real server (status subresource, merge patch).</summary>
public sealed class TaskSetApiTests
{
    private static readonly ResourceType Type = ResourceTypes.WorkflowTaskSet;

    private static JsonObject TaskSet(string name) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "WorkflowTaskSet",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "argoproj.io/v1alpha1", ["kind"] = "Workflow", ["name"] = name, ["uid"] = "wf-uid-1" }),
        },
        ["spec"] = new JsonObject
        {
            ["tasks"] = new JsonObject
            {
                ["n1"] = new JsonObject { ["name"] = "call", ["http"] = new JsonObject { ["url"] = "http://x/", ["method"] = "POST", ["timeoutSeconds"] = 3 } },
                ["n2"] = new JsonObject { ["name"] = "plug", ["plugin"] = new JsonObject { ["argoflow"] = new JsonObject { ["type"] = "resize" } } },
            },
        },
        ["status"] = new JsonObject { ["nodes"] = new JsonObject { ["n1"] = new JsonObject { ["phase"] = "Succeeded" } } },
    };

    [Fact]
    public async Task Create_drops_status_and_status_patch_writes_only_status()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var created = await cluster.Api.CreateAsync(Type.CollectionPath("argo"), TaskSet("wf1"), CancellationToken.None);
        Assert.Null(created["status"]);

        var patch = WorkflowTaskSet.StatusPatch([new("n1", new NodeResult { Phase = "Failed", Message = "boom" })]);
        patch["spec"] = new JsonObject { ["tasks"] = null };
        var patched = await cluster.Api.MergePatchAsync(Type.ItemPath("argo", "wf1") + "/status", patch, CancellationToken.None);

        var read = WorkflowTaskSet.From(patched);
        Assert.Equal("Failed", read.Nodes["n1"].Phase);
        Assert.True(read.Nodes["n1"].IsFinal);
        Assert.Equal(2, read.Tasks.Count);
        Assert.Equal("wf-uid-1", read.WorkflowUid);
        Assert.Equal(3, read.Tasks["n1"].Http!.TimeoutSeconds);
        Assert.Equal("argoflow", read.Tasks["n2"].PluginName);
        Assert.Equal(1L, (long?)patched["metadata"]!["generation"]);
    }

    [Fact]
    public async Task Patching_the_object_ignores_status_and_null_removes_a_task()
    {
        await using var cluster = await FakeCluster.StartAsync();
        await cluster.Api.CreateAsync(Type.CollectionPath("argo"), TaskSet("wf1"), CancellationToken.None);
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [WorkflowTaskSet.CompletedLabel] = "true" } },
            ["spec"] = new JsonObject { ["tasks"] = new JsonObject { ["n1"] = null } },
            ["status"] = new JsonObject { ["nodes"] = new JsonObject { ["n2"] = new JsonObject { ["phase"] = "Succeeded" } } },
        };
        var patched = WorkflowTaskSet.From(await cluster.Api.MergePatchAsync(Type.ItemPath("argo", "wf1"), patch, CancellationToken.None));

        Assert.True(patched.IsCompleted);
        Assert.Equal(["n2"], patched.Tasks.Keys);
        Assert.Empty(patched.Nodes);
        Assert.Equal(2L, (long?)cluster.Server.Store.Get(FakeResource.WorkflowTaskSets, "argo", "wf1")!["metadata"]!["generation"]);
    }

    [Fact]
    public async Task Patch_errors_are_the_real_servers()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var path = Type.ItemPath("argo", "wf1") + "/status";
        var missing = await Assert.ThrowsAsync<KubeApiException>(() =>
            cluster.Api.MergePatchAsync(path, WorkflowTaskSet.StatusPatch([]), CancellationToken.None));
        Assert.Equal(404, missing.Code);
        Assert.Contains("workflowtasksets.argoproj.io \"wf1\" not found", missing.Message, StringComparison.Ordinal);

        await cluster.Api.CreateAsync(Type.CollectionPath("argo"), TaskSet("wf1"), CancellationToken.None);
        var stale = new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = "1" } };
        var conflict = await Assert.ThrowsAsync<KubeApiException>(() => cluster.Api.MergePatchAsync(path, stale, CancellationToken.None));
        Assert.Equal(409, conflict.Code);

        var bad = new JsonObject { ["status"] = new JsonObject { ["nodes"] = new JsonObject { ["n1"] = new JsonObject { ["phase"] = 3 } } } };
        var invalid = await Assert.ThrowsAsync<KubeApiException>(() => cluster.Api.MergePatchAsync(path, bad, CancellationToken.None));
        Assert.Equal(422, invalid.Code);
        Assert.Contains("status.nodes.n1.phase in body must be of type string", invalid.Message, StringComparison.Ordinal);

        var wrongType = await Assert.ThrowsAsync<KubeApiException>(() => cluster.Api.SendAsync(HttpMethod.Patch, path, new JsonObject(), CancellationToken.None));
        Assert.Equal(415, wrongType.Code);
    }

    [Fact]
    public async Task All_namespaces_list_and_watch_see_every_namespace()
    {
        await using var cluster = await FakeCluster.StartAsync();
        await cluster.Api.CreateAsync(Type.CollectionPath("argo"), TaskSet("a"), CancellationToken.None);
        await cluster.Api.CreateAsync(Type.CollectionPath("default"), TaskSet("b"), CancellationToken.None);
        var all = $"{Type.GroupVersionPath}/{Type.Plural}";
        var list = await cluster.Api.GetAsync(all, CancellationToken.None);
        Assert.Equal(2, ((JsonArray)list["items"]!).Count);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<string>();
        await using var events = cluster.Api.WatchAsync(all, null, (string?)list["metadata"]!["resourceVersion"], timeout.Token).GetAsyncEnumerator(timeout.Token);
        var patchTask = cluster.Api.MergePatchAsync(Type.ItemPath("default", "b") + "/status", WorkflowTaskSet.StatusPatch([new("n2", new NodeResult { Phase = "Running" })]), CancellationToken.None);
        Assert.True(await events.MoveNextAsync(), "a MODIFIED event for default/b within 10 s");
        await patchTask;
        Assert.Equal("MODIFIED", events.Current.Type);
        Assert.Equal("default", (string?)events.Current.Payload["metadata"]!["namespace"]);
    }
}
