using System.Text.Json;
using ArgoFlow.Templates.Tests.Generation;
using k8s.Models;

namespace ArgoFlow.Templates.Tests.Schema;

/// <summary>
/// Every generated Kubernetes document (Deployments with their replica count and spreading, both Services, the
/// autoscalers and disruption budgets) matches the official API: strict typed models for every field, Argo's copy of
/// the Kubernetes JSON Schema where it has the definition, and the fields the API requires.
/// </summary>
public sealed class KubernetesManifestTests
{
    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Every_kubernetes_document_reads_strictly_into_the_official_model(string label)
    {
        var files = SampleOutput.Generate(label).Where(f => f.Path.StartsWith("services/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var kinds = YamlJson.Documents(file.Content).Select(d => d.GetProperty("kind").GetString()!).ToList();
            Assert.All(kinds, k => Assert.Contains(k, KubernetesModels.Kinds));
            var models = KubernetesModels.ReadStrict(file.Content);
            Assert.Equal(kinds.Count, models.Count);
        }
    }

    [Fact]
    public void A_misspelt_field_fails_the_strict_read_so_the_check_can_fail()
    {
        var text = SampleOutput.Generate("http").Single(f => f.Path == "services/argo/argoflow-detect.yaml").Content;

        Assert.ThrowsAny<Exception>(() => KubernetesModels.ReadStrict(text.Replace("averageUtilization:", "averageUtilisation:", StringComparison.Ordinal)));
        Assert.ThrowsAny<Exception>(() => KubernetesModels.ReadStrict(text.Replace("maxReplicas: 8", "maxReplicas: eight", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Autoscalers_budgets_and_spreading_have_every_required_field(string label)
    {
        var models = SampleOutput.Generate(label).Where(f => f.Path.StartsWith("services/", StringComparison.Ordinal))
            .SelectMany(f => KubernetesModels.ReadStrict(f.Content)).ToList();
        var deployments = models.OfType<V1Deployment>().ToDictionary(d => (d.Metadata.NamespaceProperty, d.Metadata.Name));

        foreach (var hpa in models.OfType<V2HorizontalPodAutoscaler>())
        {
            var target = hpa.Spec.ScaleTargetRef;
            Assert.Equal(("apps/v1", "Deployment"), (target.ApiVersion, target.Kind));
            var deployment = deployments[(hpa.Metadata.NamespaceProperty, target.Name)];
            Assert.Null(deployment.Spec.Replicas);
            Assert.InRange(hpa.Spec.MinReplicas ?? 1, 1, hpa.Spec.MaxReplicas);
            Assert.NotEmpty(hpa.Spec.Metrics);
            Assert.All(hpa.Spec.Metrics, m => Assert.True(
                m.Type == "Resource" ? m.Resource is { Name: "cpu", Target.Type: "Utilization", Target.AverageUtilization: > 0 } && m.Pods is null
                : m.Type == "Pods" && m.Pods is { Metric.Name: "argoflow_calls_in_flight", Target.Type: "AverageValue", Target.AverageValue: not null } && m.Resource is null,
                $"{hpa.Metadata.Name}: metric {m.Type} does not carry its source"));
        }

        foreach (var pdb in models.OfType<V1PodDisruptionBudget>())
        {
            var deployment = deployments[(pdb.Metadata.NamespaceProperty, pdb.Metadata.Name)];
            Assert.Equal(deployment.Spec.Selector.MatchLabels, pdb.Spec.Selector.MatchLabels);
            Assert.Equal("1", pdb.Spec.MaxUnavailable.Value);
        }

        foreach (var deployment in deployments.Values.Where(d => d.Spec.Template.Spec.TopologySpreadConstraints is not null))
        {
            Assert.All(deployment.Spec.Template.Spec.TopologySpreadConstraints, c =>
            {
                Assert.Equal(1, c.MaxSkew);
                Assert.Equal("ScheduleAnyway", c.WhenUnsatisfiable);
                Assert.Equal(deployment.Spec.Selector.MatchLabels, c.LabelSelector.MatchLabels);
            });
        }
    }

    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Disruption_budgets_and_service_ports_match_the_kubernetes_schema_in_argos(string label)
    {
        var documents = SampleOutput.Generate(label).SelectMany(f => YamlJson.Documents(f.Content)).ToList();
        Assert.Contains(documents, d => d.GetProperty("kind").GetString() == "PodDisruptionBudget");

        foreach (var document in documents)
        {
            var kind = document.GetProperty("kind").GetString();
            IEnumerable<(string Definition, JsonElement Part)> parts = kind switch
            {
                "PodDisruptionBudget" => [("io.k8s.api.policy.v1.PodDisruptionBudgetSpec", document.GetProperty("spec"))],
                "Service" => document.GetProperty("spec").GetProperty("ports").EnumerateArray().Select(p => ("io.k8s.api.core.v1.ServicePort", p)),
                _ => [],
            };
            foreach (var (definition, part) in parts)
            {
                var errors = ArgoSchema.ValidateForKubernetes(definition, part);
                Assert.True(errors.Count == 0, $"{label} {kind}: {string.Join("\n", errors)}");
            }
        }
    }
}
