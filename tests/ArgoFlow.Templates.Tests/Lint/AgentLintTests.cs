using ArgoFlow.Templates.Lint;
using ArgoFlow.Templates.Manifests;
using ArgoFlow.Templates.Tests.Generation;

namespace ArgoFlow.Templates.Tests.Lint;

/// <summary><c>argoflow lint</c> on the external agent's objects: the generated ones pass, broken ones say why.</summary>
public sealed class AgentLintTests
{
    [Fact]
    public void Generated_agent_objects_and_controller_patch_pass_with_their_kinds()
    {
        var files = SampleOutput.Generate("plugin-agent");
        var agent = ManifestLinter.Lint(files.Single(f => f.Path == "services/argo/argoflow-agent.yaml").Content, "agent.yaml");
        var patch = ManifestLinter.Lint(files.Single(f => f.Path == ControllerConfigPatch.File).Content, "patch.yaml");

        Assert.True(agent.Ok, string.Join("\n", agent.Problems));
        Assert.Equal(["ServiceAccount", "Role", "RoleBinding", "Deployment"], agent.Kinds);
        Assert.True(patch.Ok, string.Join("\n", patch.Problems));
        Assert.Equal(["ConfigMap"], patch.Kinds);
    }

    [Theory]
    [InlineData("disableAgentPodCreation: true")]
    [InlineData("disableAgentPodCreation: \"yes\"")]
    public void Controller_setting_must_be_a_quoted_true_or_false(string line)
    {
        var text = Patch().Replace("disableAgentPodCreation: \"true\"", line, StringComparison.Ordinal);
        var problem = Assert.Single(ManifestLinter.Lint(text, "patch.yaml").Problems);
        Assert.Equal("data.disableAgentPodCreation", problem.Path);
        Assert.Contains("quoted string \"true\" or \"false\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_role_without_status_patch_is_reported()
    {
        var text = AgentFile().Replace("""
                  - workflowtasksets/status
                verbs:
                  - patch
            """, """
                  - workflowtasksets/status
                verbs:
                  - get
            """, StringComparison.Ordinal);
        Assert.NotEqual(AgentFile(), text);
        var problem = Assert.Single(ManifestLinter.Lint(text, "agent.yaml").Problems);
        Assert.Equal("rules", problem.Path);
        Assert.Contains("workflowtasksets/status patch", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_deployment_without_token_account_or_readiness_is_reported()
    {
        var text = AgentFile()
            .Replace("automountServiceAccountToken: true", "automountServiceAccountToken: false", StringComparison.Ordinal)
            .Replace("      serviceAccountName: argoflow-agent\n", string.Empty, StringComparison.Ordinal);
        var paths = ManifestLinter.Lint(text, "agent.yaml").Problems.Select(p => p.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["spec.template.spec.automountServiceAccountToken", "spec.template.spec.serviceAccountName"], paths);
    }

    private static string AgentFile() => SampleOutput.Generate("http-agent").Single(f => f.Path == "services/argo/argoflow-agent.yaml").Content;

    private static string Patch() => SampleOutput.Generate("http-agent").Single(f => f.Path == ControllerConfigPatch.File).Content;

    [Fact]
    public void The_all_namespaces_agent_with_its_cluster_role_passes()
    {
        var result = ManifestLinter.Lint(AllNamespacesFile(), "agent.yaml");

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(["ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment"], result.Kinds);
    }

    [Fact]
    public void An_all_namespaces_agent_with_only_a_role_is_reported()
    {
        // The per-namespace file with its agent switched to -A: a Role cannot grant a cluster-wide list and watch.
        var text = AgentFile().Replace("- --namespace\n            - argo\n", "- --all-namespaces\n", StringComparison.Ordinal);
        Assert.NotEqual(AgentFile(), text);

        var problem = Assert.Single(ManifestLinter.Lint(text, "agent.yaml").Problems);
        Assert.Equal("spec.template.spec.containers[].args", problem.Path);
        Assert.Contains("needs a ClusterRole and ClusterRoleBinding", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_role_binding_to_a_role_or_without_the_subject_namespace_is_reported()
    {
        var text = AllNamespacesFile()
            .Replace("  kind: ClusterRole\n  name: argoflow-agent", "  kind: Role\n  name: argoflow-agent", StringComparison.Ordinal)
            .Replace("    namespace: argo\n", "", StringComparison.Ordinal);
        Assert.NotEqual(AllNamespacesFile(), text);

        var paths = ManifestLinter.Lint(text, "agent.yaml").Problems.Select(p => p.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["roleRef.kind", "subjects[].namespace"], paths);
    }

    [Fact]
    public void An_agent_given_both_all_namespaces_and_a_namespace_is_reported()
    {
        var text = AllNamespacesFile().Replace("- --all-namespaces\n", "- --all-namespaces\n            - -n\n            - argo\n", StringComparison.Ordinal);
        Assert.NotEqual(AllNamespacesFile(), text);

        var problem = Assert.Single(ManifestLinter.Lint(text, "agent.yaml").Problems);
        Assert.Contains("--all-namespaces and --namespace exclude each other", problem.Message, StringComparison.Ordinal);
    }

    private static string AllNamespacesFile() => SampleOutput.Generate("http-agent-all").Single(f => f.Path == "services/argo/argoflow-agent.yaml").Content;
}
