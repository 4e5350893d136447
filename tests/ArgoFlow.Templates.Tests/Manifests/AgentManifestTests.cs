using System.Text.Json;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Manifests;
using ArgoFlow.Templates.Tests.Generation;
using ArgoFlow.Templates.Tests.Schema;

namespace ArgoFlow.Templates.Tests.Manifests;

/// <summary><c>generate --agent</c>: the external agent's objects and the controller patch, in every agent mode.</summary>
public sealed class AgentManifestTests
{
    public static TheoryData<string> AgentLabels() => new(SampleOutput.Labels.Where(l => l.EndsWith("-agent", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(AgentLabels))]
    public void Agent_deployment_is_probed_hardened_and_runs_argoflow_agent_as_its_own_account(string label)
    {
        var documents = AgentDocuments(label);
        var deployment = documents["Deployment"];
        var spec = deployment.GetProperty("spec");
        Assert.Equal(2, spec.GetProperty("replicas").GetInt32());
        var pod = spec.GetProperty("template").GetProperty("spec");
        Assert.Equal(AgentManifests.Name, pod.GetProperty("serviceAccountName").GetString());
        Assert.True(pod.GetProperty("automountServiceAccountToken").GetBoolean());
        Assert.Equal("RuntimeDefault", pod.GetProperty("securityContext").GetProperty("seccompProfile").GetProperty("type").GetString());
        Assert.Equal("true", spec.GetProperty("template").GetProperty("metadata").GetProperty("labels").GetProperty(ManifestLabels.Client).GetString());

        var container = Assert.Single(pod.GetProperty("containers").EnumerateArray());
        Assert.Equal(["agent", "--namespace", "argo", "--http-port", "8080"], container.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(ArgoSchema.Validate(ArgoSchema.Container, container));
        Assert.Equal("/healthz", container.GetProperty("livenessProbe").GetProperty("httpGet").GetProperty("path").GetString());
        Assert.Equal("/healthz", container.GetProperty("startupProbe").GetProperty("httpGet").GetProperty("path").GetString());
        Assert.Equal("/readyz", container.GetProperty("readinessProbe").GetProperty("httpGet").GetProperty("path").GetString());
        Assert.Equal("http", container.GetProperty("readinessProbe").GetProperty("httpGet").GetProperty("port").GetString());
        Assert.Equal(8080, container.GetProperty("ports")[0].GetProperty("containerPort").GetInt32());
        var podNamespace = Assert.Single(container.GetProperty("env").EnumerateArray(), e => e.GetProperty("name").GetString() == "POD_NAMESPACE");
        Assert.Equal("metadata.namespace", podNamespace.GetProperty("valueFrom").GetProperty("fieldRef").GetProperty("fieldPath").GetString());
        Assert.Equal("""{"requests":{"cpu":"100m","memory":"128Mi"},"limits":{"cpu":"1","memory":"512Mi"}}""", container.GetProperty("resources").GetRawText());
        var security = container.GetProperty("securityContext");
        Assert.True(security.GetProperty("readOnlyRootFilesystem").GetBoolean());
        Assert.False(security.GetProperty("allowPrivilegeEscalation").GetBoolean());
        foreach (var selector in spec.GetProperty("selector").GetProperty("matchLabels").EnumerateObject())
        {
            Assert.Equal(selector.Value.GetString(), spec.GetProperty("template").GetProperty("metadata").GetProperty("labels").GetProperty(selector.Name).GetString());
        }
    }

    [Theory]
    [MemberData(nameof(AgentLabels))]
    public void Role_grants_tasksets_read_status_patch_and_leases_but_no_secrets(string label)
    {
        var documents = AgentDocuments(label);
        var rules = documents["Role"].GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("resources")[0].GetString()!, r => string.Join(",", r.GetProperty("verbs").EnumerateArray().Select(v => v.GetString())));
        Assert.Equal("get,list,watch", rules["workflowtasksets"]);
        Assert.Equal("patch", rules["workflowtasksets/status"]);
        Assert.Equal("get,create,update", rules["leases"]);
        Assert.False(rules.ContainsKey("secrets"), "generated http templates read no Secret, so the agent must not either");
        Assert.Equal(3, rules.Count);

        var binding = documents["RoleBinding"];
        Assert.Equal(AgentManifests.Name, binding.GetProperty("roleRef").GetProperty("name").GetString());
        Assert.Equal(AgentManifests.Name, binding.GetProperty("subjects")[0].GetProperty("name").GetString());
        Assert.Equal(AgentManifests.Name, documents["ServiceAccount"].GetProperty("metadata").GetProperty("name").GetString());
    }

    [Fact]
    public void A_secret_reading_header_adds_get_on_secrets_only()
    {
        var rule = Assert.Single(AgentManifests.Rules(secretHeaders: true), r => r.Resources.Contains("secrets"));
        Assert.Equal(["get"], rule.Verbs);
        Assert.DoesNotContain(AgentManifests.Rules(secretHeaders: false), r => r.Resources.Contains("secrets"));
    }

    [Theory]
    [MemberData(nameof(AgentLabels))]
    public void Controller_patch_sets_disable_agent_pod_creation_and_says_how_to_apply_and_undo_it(string label)
    {
        var file = SampleOutput.Generate(label).Single(f => f.Path == ControllerConfigPatch.File);
        var patch = Assert.Single(YamlJson.Documents(file.Content));
        Assert.Equal("""{"disableAgentPodCreation":"true"}""", patch.GetProperty("data").GetRawText());
        Assert.Equal("workflow-controller-configmap", patch.GetProperty("metadata").GetProperty("name").GetString());
        Assert.False(patch.GetProperty("metadata").TryGetProperty("labels", out _), "a patch must not relabel Argo's ConfigMap");
        Assert.Contains("kubectl -n argo patch configmap workflow-controller-configmap --type merge --patch-file", file.Content, StringComparison.Ordinal);
        Assert.Contains("DEFAULT_REQUEUE_TIME=1s", file.Content, StringComparison.Ordinal);
        Assert.Contains("disableAgentPodCreation\":null", file.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_agent_no_agent_objects_are_generated()
    {
        var files = SampleOutput.Generate("http");
        Assert.DoesNotContain(files, f => f.Path.Contains("agent", StringComparison.Ordinal) || f.Path == ControllerConfigPatch.File);
    }

    [Fact]
    public void The_stream_output_leaves_the_patch_out()
    {
        var stream = PipelineGenerator.ToStream(SampleOutput.Generate("http-agent"));
        Assert.Contains("name: argoflow-agent", stream, StringComparison.Ordinal);
        Assert.DoesNotContain("disableAgentPodCreation", stream, StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_with_container_mode_is_a_usage_error()
    {
        var error = Assert.Throws<ArgoFlowException>(() => PipelineGenerator.Generate(SampleOutput.Specs(), new GeneratorOptions(GenerationMode.Container, Agent: true)));
        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Contains("--agent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_tls_the_agent_trusts_the_services_ca()
    {
        var files = PipelineGenerator.Generate(SampleOutput.Specs(), new GeneratorOptions(GenerationMode.Plugin, TlsSecret: "argoflow-tls", Agent: true));
        var deployment = YamlJson.Documents(files.Single(f => f.Path == "services/argo/argoflow-agent.yaml").Content).Single(d => d.GetProperty("kind").GetString() == "Deployment");
        var env = deployment.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0].GetProperty("env").EnumerateArray();
        var ca = Assert.Single(env, e => e.GetProperty("name").GetString() == "ARGOFLOW_CA_PEM");
        Assert.Equal("argoflow-tls", ca.GetProperty("valueFrom").GetProperty("secretKeyRef").GetProperty("name").GetString());
    }

    private static Dictionary<string, JsonElement> AgentDocuments(string label) =>
        YamlJson.Documents(SampleOutput.Generate(label).Single(f => f.Path == "services/argo/argoflow-agent.yaml").Content)
            .ToDictionary(d => d.GetProperty("kind").GetString()!);
}
