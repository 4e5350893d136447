using ArgoFlow.Cli.Tests.Commands;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cli.Tests.Generate;

/// <summary>`generate --agent-namespaces` on the command line, and its cluster-scoped output applied to the fake API server.</summary>
public sealed class AgentNamespacesCommandTests
{
    [Fact]
    public async Task All_implies_agent_and_writes_a_cluster_role_instead_of_a_role()
    {
        var (code, stdout, stderr) = await GenerateCli.RunAsync(["generate", .. GenerateCli.AllSamples(), "--agent-namespaces", "all"]);

        Assert.True(code == 0, stderr);
        Assert.Contains("kind: ClusterRole\n", stdout, StringComparison.Ordinal);
        Assert.Contains("kind: ClusterRoleBinding\n", stdout, StringComparison.Ordinal);
        Assert.Contains("- --all-namespaces\n", stdout, StringComparison.Ordinal);
        var agentDocuments = stdout.Split("---\n").Where(d => d.Contains("metadata:\n  name: argoflow-agent\n", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, agentDocuments.Count);
        Assert.DoesNotContain(agentDocuments, d => d.Contains("kind: Role\n", StringComparison.Ordinal) || d.Contains("kind: RoleBinding\n", StringComparison.Ordinal));
        // Its one Role is the Lease grant in its own namespace.
        var leaseDocuments = stdout.Split("---\n").Where(d => d.Contains("metadata:\n  name: argoflow-agent-lease\n", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Role", "RoleBinding"], leaseDocuments.Select(d => d.Contains("\nkind: Role\n", StringComparison.Ordinal) ? "Role" : "RoleBinding"));
        Assert.Contains("disableAgentPodCreation", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_that_leaves_a_pipeline_namespace_out_exits_2_naming_it()
    {
        var (code, stdout, stderr) = await GenerateCli.RunAsync(["generate", .. GenerateCli.AllSamples(), "--agent", "--agent-namespaces", "argo"]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("error: --agent-namespaces argo: pipeline 'fan-out' runs in namespace 'media', which the agent would not serve", stderr, StringComparison.Ordinal);
        Assert.Contains("hint: add media to --agent-namespaces, or give --agent-namespaces all", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_committed_all_namespaces_sample_applies_with_its_cluster_scoped_objects()
    {
        await using var h = await ClusterCommandHarness.StartAsync();
        h.Server.Namespaces.Add("media");
        var folder = Path.Combine(SharedData.RepoRoot, "samples", "generated", "http-agent-all");

        var first = await h.RunAsync("apply", "-f", folder, "--all");
        var second = await h.RunAsync("apply", "-f", folder, "--all");

        Assert.True(first.Code == 0, first.Err);
        Assert.Contains("clusterrole.rbac.authorization.k8s.io/argoflow-agent created", first.Out, StringComparison.Ordinal);
        Assert.Contains("clusterrolebinding.rbac.authorization.k8s.io/argoflow-agent created", first.Out, StringComparison.Ordinal);
        var role = h.Server.Store.Get(FakeResource.All.Single(r => r.Plural == "clusterroles"), null, "argoflow-agent");
        Assert.NotNull(role);
        Assert.Null(role["metadata"]?["namespace"]);
        Assert.True(second.Code == 0, second.Err);
        Assert.Contains("clusterrole.rbac.authorization.k8s.io/argoflow-agent unchanged", second.Out, StringComparison.Ordinal);
    }
}
