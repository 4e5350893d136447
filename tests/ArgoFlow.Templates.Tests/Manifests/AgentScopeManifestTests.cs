using System.Text.Json;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Manifests;
using ArgoFlow.Templates.Tests.Generation;
using ArgoFlow.Templates.Tests.Schema;

namespace ArgoFlow.Templates.Tests.Manifests;

/// <summary><c>generate --agent --agent-namespaces</c>: one agent for all namespaces (ClusterRole) or for a list (a Role in each).</summary>
public sealed class AgentScopeManifestTests
{
    private static List<JsonElement> Documents(IReadOnlyList<GeneratedFile> files, string path) =>
        [.. YamlJson.Documents(files.Single(f => f.Path == path).Content)];

    private static string Kind(JsonElement d) => d.GetProperty("kind").GetString()!;

    private static string[] Args(JsonElement deployment) => deployment.GetProperty("spec").GetProperty("template").GetProperty("spec")
        .GetProperty("containers")[0].GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToArray();

    [Fact]
    public void All_namespaces_is_one_agent_with_a_cluster_role_bound_to_its_account()
    {
        var files = SampleOutput.Generate("http-agent-all");

        Assert.Single(files, f => f.Path.EndsWith("/" + AgentManifests.Name + ".yaml", StringComparison.Ordinal));
        var documents = Documents(files, "services/argo/argoflow-agent.yaml");
        Assert.Equal(["ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment"], documents.Select(Kind));
        var role = documents.Single(d => Kind(d) == "ClusterRole");
        var rules = role.GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("resources")[0].GetString()!, r => string.Join(",", r.GetProperty("verbs").EnumerateArray().Select(v => v.GetString())));
        Assert.Equal("get,list,watch", rules["workflowtasksets"]);
        Assert.Equal("patch", rules["workflowtasksets/status"]);
        // Leases only in the agent's own namespace, never cluster-wide (the controllers' locks are Leases too).
        Assert.False(rules.ContainsKey("leases"));
        Assert.False(rules.ContainsKey("secrets"));
        var leaseRole = documents.Single(d => Kind(d) == "Role");
        Assert.Equal((AgentManifests.LeaseRoleName, "argo"), (leaseRole.GetProperty("metadata").GetProperty("name").GetString(), leaseRole.GetProperty("metadata").GetProperty("namespace").GetString()));
        Assert.Equal("leases", Assert.Single(leaseRole.GetProperty("rules").EnumerateArray()).GetProperty("resources")[0].GetString());
        Assert.Equal(AgentManifests.LeaseRoleName, documents.Single(d => Kind(d) == "RoleBinding").GetProperty("roleRef").GetProperty("name").GetString());
        var binding = documents.Single(d => Kind(d) == "ClusterRoleBinding");
        Assert.Equal("ClusterRole", binding.GetProperty("roleRef").GetProperty("kind").GetString());
        Assert.Equal(AgentManifests.Name, binding.GetProperty("roleRef").GetProperty("name").GetString());
        var subject = binding.GetProperty("subjects")[0];
        Assert.Equal((AgentManifests.Name, "argo"), (subject.GetProperty("name").GetString(), subject.GetProperty("namespace").GetString()));
        Assert.False(role.GetProperty("metadata").TryGetProperty("namespace", out _));
        Assert.Equal(["agent", "--all-namespaces", "--http-port", "8080"], Args(documents.Single(d => Kind(d) == "Deployment")));
        Assert.Contains("(mode http-agent-all)", files[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_is_one_agent_in_the_first_namespace_with_a_role_in_each_and_the_lease_grant_only_at_home()
    {
        var files = PipelineGenerator.Generate(SampleOutput.Specs(), new GeneratorOptions(GenerationMode.Plugin, Agent: true, AgentNamespaces: AgentScope.Parse("media, argo")));

        Assert.DoesNotContain(files, f => f.Path == "services/argo/argoflow-agent.yaml");
        var documents = Documents(files, "services/media/argoflow-agent.yaml");
        Assert.Equal(["ServiceAccount", "Role", "RoleBinding", "Role", "RoleBinding", "Deployment"], documents.Select(Kind));
        var roles = documents.Where(d => Kind(d) == "Role").ToDictionary(
            d => d.GetProperty("metadata").GetProperty("namespace").GetString()!,
            d => d.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("resources")[0].GetString()).ToList());
        Assert.Contains("leases", roles["media"]);
        Assert.DoesNotContain("leases", roles["argo"]);
        Assert.All(documents.Where(d => Kind(d) == "RoleBinding"), b => Assert.Equal("media", b.GetProperty("subjects")[0].GetProperty("namespace").GetString()));
        Assert.Equal(["agent", "--namespace", "media", "--namespace", "argo", "--http-port", "8080"], Args(documents.Single(d => Kind(d) == "Deployment")));
        Assert.All(files.Where(f => f.Path.StartsWith("services/", StringComparison.Ordinal)), f => Assert.NotEmpty(KubernetesModels.ReadStrict(f.Content)));
    }

    [Fact]
    public void A_pipeline_namespace_the_list_leaves_out_is_a_usage_error_naming_it()
    {
        var error = Assert.Throws<ArgoFlowException>(() => PipelineGenerator.Generate(SampleOutput.Specs(),
            new GeneratorOptions(GenerationMode.Http, Agent: true, AgentNamespaces: AgentScope.Parse("argo"))));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Contains("pipeline 'fan-out' runs in namespace 'media', which the agent would not serve", error.Message, StringComparison.Ordinal);
        Assert.Contains("add media to --agent-namespaces", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("argo,", "--agent-namespaces 'argo,': a namespace must not be empty")]
    [InlineData("Argo", "--agent-namespaces 'Argo': 'Argo' is not a valid name: use lower-case letters")]
    public void A_bad_namespace_list_is_a_usage_error(string text, string message)
    {
        var error = Assert.Throws<ArgoFlowException>(() => AgentScope.Parse(text));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_namespaces_without_agent_is_refused()
    {
        var error = Assert.Throws<ArgoFlowException>(() => PipelineGenerator.Generate(SampleOutput.Specs(),
            new GeneratorOptions(GenerationMode.Http, AgentNamespaces: AgentScope.AllNamespaces)));

        Assert.Contains("--agent-namespaces needs --agent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_network_policy_the_shared_agent_may_call_the_services_of_the_other_namespaces()
    {
        var files = PipelineGenerator.Generate(SampleOutput.Specs(), new GeneratorOptions(GenerationMode.Http, NetworkPolicy: true, Agent: true, AgentNamespaces: AgentScope.AllNamespaces));

        JsonElement[] Peers(string ns) => [.. Documents(files, $"services/{ns}/network-policy.yaml")[0].GetProperty("spec").GetProperty("ingress")[0].GetProperty("from").EnumerateArray()];
        var peer = Assert.Single(Peers("media"), p => p.TryGetProperty("namespaceSelector", out _));
        Assert.Equal("argo", peer.GetProperty("namespaceSelector").GetProperty("matchLabels").GetProperty("kubernetes.io/metadata.name").GetString());
        Assert.Equal(AgentManifests.Name, peer.GetProperty("podSelector").GetProperty("matchLabels").GetProperty("app.kubernetes.io/name").GetString());
        Assert.DoesNotContain(Peers("argo"), p => p.TryGetProperty("namespaceSelector", out _));
        Assert.All(files.Where(f => f.Path.StartsWith("services/", StringComparison.Ordinal)), f => Assert.NotEmpty(KubernetesModels.ReadStrict(f.Content)));
    }
}
