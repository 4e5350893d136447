using System.Text.Json;
using System.Text.RegularExpressions;
using ArgoFlow.Templates.Manifests;
using ArgoFlow.Templates.Tests.Generation;
using ArgoFlow.Templates.Tests.Schema;

namespace ArgoFlow.Templates.Tests.Manifests;

/// <summary>Every generated Kubernetes manifest is structurally valid for its kind and wired together.</summary>
public sealed partial class ManifestStructureTests
{
    private static readonly Dictionary<string, string> ApiVersions = new(StringComparer.Ordinal)
    {
        ["Deployment"] = "apps/v1",
        ["Service"] = "v1",
        ["ServiceAccount"] = "v1",
        ["Secret"] = "v1",
        ["ConfigMap"] = "v1",
        ["Role"] = "rbac.authorization.k8s.io/v1",
        ["RoleBinding"] = "rbac.authorization.k8s.io/v1",
        ["ClusterRole"] = "rbac.authorization.k8s.io/v1",
        ["ClusterRoleBinding"] = "rbac.authorization.k8s.io/v1",
        ["NetworkPolicy"] = "networking.k8s.io/v1",
        ["HorizontalPodAutoscaler"] = "autoscaling/v2",
        ["PodDisruptionBudget"] = "policy/v1",
        ["WorkflowTemplate"] = "argoproj.io/v1alpha1",
        ["Kustomization"] = "kustomize.config.k8s.io/v1beta1",
    };

    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Every_document_has_a_known_kind_and_a_valid_name(string label)
    {
        foreach (var document in SampleOutput.Generate(label).Where(f => f.Path != ControllerConfigPatch.File).SelectMany(f => YamlJson.Documents(f.Content)))
        {
            var kind = document.GetProperty("kind").GetString()!;
            Assert.Equal(ApiVersions[kind], document.GetProperty("apiVersion").GetString());
            if (kind != "Kustomization")
            {
                var metadata = document.GetProperty("metadata");
                Assert.Matches(Dns1123Subdomain(), metadata.GetProperty("name").GetString()!);
                if (kind is "ClusterRole" or "ClusterRoleBinding")
                {
                    // Cluster-scoped: a namespace there would mean nothing and mislead the reader.
                    Assert.False(metadata.TryGetProperty("namespace", out _), $"{kind} is cluster-scoped");
                }
                else
                {
                    Assert.Matches(Dns1123Label(), metadata.GetProperty("namespace").GetString()!);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Deployments_are_hardened_probed_and_selected_by_their_services(string label)
    {
        var documents = SampleOutput.Generate(label).SelectMany(f => YamlJson.Documents(f.Content)).ToList();
        // The agent serves no Service (AgentManifestTests holds its own shape).
        var deployments = documents.Where(d => d.GetProperty("kind").GetString() == "Deployment" &&
                                               d.GetProperty("metadata").GetProperty("name").GetString() != AgentManifests.Name).ToList();
        Assert.NotEmpty(deployments);
        foreach (var deployment in deployments)
        {
            var name = deployment.GetProperty("metadata").GetProperty("name").GetString();
            var ns = deployment.GetProperty("metadata").GetProperty("namespace").GetString();
            var spec = deployment.GetProperty("spec");
            var podLabels = spec.GetProperty("template").GetProperty("metadata").GetProperty("labels");
            foreach (var selector in spec.GetProperty("selector").GetProperty("matchLabels").EnumerateObject())
            {
                Assert.Equal(selector.Value.GetString(), podLabels.GetProperty(selector.Name).GetString());
            }

            var pod = spec.GetProperty("template").GetProperty("spec");
            Assert.Equal("RuntimeDefault", pod.GetProperty("securityContext").GetProperty("seccompProfile").GetProperty("type").GetString());
            var container = Assert.Single(pod.GetProperty("containers").EnumerateArray());
            var security = container.GetProperty("securityContext");
            Assert.False(security.GetProperty("allowPrivilegeEscalation").GetBoolean());
            Assert.True(security.GetProperty("readOnlyRootFilesystem").GetBoolean());
            Assert.True(security.GetProperty("runAsNonRoot").GetBoolean());
            Assert.Equal(["ALL"], security.GetProperty("capabilities").GetProperty("drop").EnumerateArray().Select(x => x.GetString()));
            var ports = container.GetProperty("ports").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("containerPort").GetInt32());
            Assert.Equal(9090, ports["grpc"]);
            Assert.Equal(8080, ports["http"]);
            foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
            {
                Assert.Equal(9090, container.GetProperty(probe).GetProperty("grpc").GetProperty("port").GetInt32());
            }

            var mount = Assert.Single(container.GetProperty("volumeMounts").EnumerateArray());
            Assert.Equal("/tmp", mount.GetProperty("mountPath").GetString());
            Assert.Contains(pod.GetProperty("volumes").EnumerateArray(), v => v.GetProperty("name").GetString() == mount.GetProperty("name").GetString() && v.TryGetProperty("emptyDir", out _));

            var service = documents.Single(d => d.GetProperty("kind").GetString() == "Service" &&
                                                d.GetProperty("metadata").GetProperty("name").GetString() == name &&
                                                d.GetProperty("metadata").GetProperty("namespace").GetString() == ns);
            foreach (var selector in service.GetProperty("spec").GetProperty("selector").EnumerateObject())
            {
                Assert.Equal(selector.Value.GetString(), podLabels.GetProperty(selector.Name).GetString());
            }

            Assert.All(service.GetProperty("spec").GetProperty("ports").EnumerateArray(), p => Assert.Contains(p.GetProperty("targetPort").GetString()!, ports.Keys));
        }
    }

    [Fact]
    public void Resource_defaults_follow_the_issue()
    {
        var documents = SampleOutput.Generate("http").SelectMany(f => YamlJson.Documents(f.Content)).ToList();
        string Resources(string name) => documents
            .Where(d => d.GetProperty("kind").GetString() == "Deployment" && d.GetProperty("metadata").GetProperty("name").GetString() == name)
            .Select(d => d.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0].GetProperty("resources").GetRawText())
            .First();

        Assert.Equal("""{"requests":{"cpu":"300m","memory":"768Mi"},"limits":{"cpu":"1","memory":"1536Mi"}}""", Resources("argoflow-resize"));
        Assert.Equal("""{"requests":{"cpu":"300m","memory":"768Mi"},"limits":{"cpu":"1","memory":"1536Mi"}}""", Resources("argoflow-filter"));
        Assert.Equal("""{"requests":{"cpu":"700m","memory":"1536Mi"},"limits":{"cpu":"2","memory":"4Gi"}}""", Resources("argoflow-detect"));
    }

    [Fact]
    public void Rbac_grants_the_agent_its_verbs_and_binds_the_token_secret()
    {
        var rbac = SampleOutput.Generate("plugin").Single(f => f.Path == "services/argo/rbac.yaml");
        var documents = YamlJson.Documents(rbac.Content).ToDictionary(d => d.GetProperty("kind").GetString()!);

        var rules = documents["Role"].GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("resources")[0].GetString()!, r => string.Join(",", r.GetProperty("verbs").EnumerateArray().Select(v => v.GetString())));
        Assert.Equal("list,watch", rules["workflowtasksets"]);
        Assert.Equal("patch", rules["workflowtasksets/status"]);
        var binding = documents["RoleBinding"];
        Assert.Equal(documents["Role"].GetProperty("metadata").GetProperty("name").GetString(), binding.GetProperty("roleRef").GetProperty("name").GetString());
        Assert.Equal("argoflow", binding.GetProperty("subjects")[0].GetProperty("name").GetString());
        var secret = documents["Secret"];
        Assert.Equal("argoflow.service-account-token", secret.GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal("kubernetes.io/service-account-token", secret.GetProperty("type").GetString());
        Assert.Equal("argoflow", secret.GetProperty("metadata").GetProperty("annotations").GetProperty("kubernetes.io/service-account.name").GetString());
    }

    [Fact]
    public void Executor_plugin_config_map_runs_the_sidecar_on_port_4355()
    {
        var configMap = YamlJson.Documents(SampleOutput.Generate("plugin").Single(f => f.Path == "services/argo/executor-plugin.yaml").Content)[0];

        Assert.Equal("ExecutorPlugin", configMap.GetProperty("metadata").GetProperty("labels").GetProperty("workflows.argoproj.io/configmap-type").GetString());
        var sidecar = YamlJson.Documents(configMap.GetProperty("data").GetProperty("sidecar.container").GetString()!)[0];
        // The sidecar may dial exactly the endpoints the namespace's plugin templates name (issue 14: allow-list).
        Assert.Equal(
            [
                "plugin", "serve", "--port", "4355", "--token-file", "/var/run/argo/token",
                "--allow-endpoint", "argoflow-detect-headless.argo.svc.cluster.local:9090",
                "--allow-endpoint", "argoflow-filter-headless.argo.svc.cluster.local:9090",
                "--allow-endpoint", "argoflow-resize-headless.argo.svc.cluster.local:9090",
            ],
            sidecar.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(4355, sidecar.GetProperty("ports")[0].GetProperty("containerPort").GetInt32());
        Assert.True(sidecar.TryGetProperty("resources", out _));
        Assert.True(sidecar.GetProperty("securityContext").GetProperty("runAsNonRoot").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Kustomization_lists_every_other_file_exactly_once(string label)
    {
        var files = SampleOutput.Generate(label);
        var kustomization = YamlJson.Documents(files.Single(f => f.Path == "kustomization.yaml").Content)[0];

        var listed = kustomization.GetProperty("resources").EnumerateArray().Select(r => r.GetString()!).ToList();
        // The controller patch is applied with kubectl patch, never as a resource (it would replace Argo's ConfigMap).
        Assert.Equal(files.Select(f => f.Path).Where(p => p != "kustomization.yaml" && p != ControllerConfigPatch.File).Order(StringComparer.Ordinal), listed);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();
}
