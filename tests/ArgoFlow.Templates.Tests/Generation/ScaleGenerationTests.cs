using System.Text.Json;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;
using ArgoFlow.Templates.Tests.Schema;

namespace ArgoFlow.Templates.Tests.Generation;

/// <summary>What <c>replicas</c> and <c>autoscale</c> turn into, and the headless Service gRPC clients are pointed at.</summary>
public sealed class ScaleGenerationTests
{
    [Fact]
    public void One_pod_by_default_with_a_headless_service_and_no_budget_or_spreading()
    {
        var documents = Documents(Spec("a", ""), "services/argo/argoflow-filter.yaml");

        Assert.Equal(["Deployment", "Service", "Service"], documents.Select(Kind));
        Assert.Equal(1, documents[0].GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.False(documents[0].GetProperty("spec").GetProperty("template").GetProperty("spec").TryGetProperty("topologySpreadConstraints", out _));
        Assert.Equal("argoflow-filter-headless", documents[2].GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal("None", documents[2].GetProperty("spec").GetProperty("clusterIP").GetString());
        Assert.False(documents[1].GetProperty("spec").TryGetProperty("clusterIP", out _));
    }

    [Fact]
    public void Fixed_replicas_give_the_count_a_budget_and_spreading()
    {
        var documents = Documents(Spec("a", "filter: {replicas: 3}"), "services/argo/argoflow-filter.yaml");

        Assert.Equal(["Deployment", "Service", "Service", "PodDisruptionBudget"], documents.Select(Kind));
        Assert.Equal(3, documents[0].GetProperty("spec").GetProperty("replicas").GetInt32());
        var spread = documents[0].GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("topologySpreadConstraints");
        Assert.Equal(["kubernetes.io/hostname", "topology.kubernetes.io/zone"], spread.EnumerateArray().Select(c => c.GetProperty("topologyKey").GetString()));
    }

    [Fact]
    public void Autoscale_leaves_the_count_to_the_autoscaler()
    {
        var documents = Documents(Spec("a", "filter: {autoscale: {minReplicas: 2, maxReplicas: 5, targetInFlightPerPod: 3}}"), "services/argo/argoflow-filter.yaml");

        Assert.Equal(["Deployment", "Service", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"], documents.Select(Kind));
        Assert.False(documents[0].GetProperty("spec").TryGetProperty("replicas", out _));
        var hpa = documents[3].GetProperty("spec");
        Assert.Equal(2, hpa.GetProperty("minReplicas").GetInt32());
        var metric = Assert.Single(hpa.GetProperty("metrics").EnumerateArray());
        Assert.Equal("Pods", metric.GetProperty("type").GetString());
        Assert.Equal("filter", metric.GetProperty("pods").GetProperty("metric").GetProperty("selector").GetProperty("matchLabels").GetProperty("service").GetString());
        Assert.Equal("3", metric.GetProperty("pods").GetProperty("target").GetProperty("averageValue").GetString());
    }

    [Fact]
    public void Two_pipelines_asking_different_counts_of_one_service_is_an_error_naming_both()
    {
        var specs = new[] { Spec("a", "filter: {replicas: 2}"), Spec("b", "filter: {replicas: 3}"), Spec("c", "") };

        var ex = Assert.Throws<ValidationException>(() => PipelineGenerator.Generate(specs, new GeneratorOptions(GenerationMode.Plugin)));

        var problem = Assert.Single(ex.Diagnostics);
        Assert.Equal("b.yaml", problem.Location.File);
        Assert.Contains("pipeline 'b' sets replicas 3", problem.Message, StringComparison.Ordinal);
        Assert.Contains("pipeline 'a' (a.yaml:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_count_from_two_pipelines_is_accepted()
    {
        var specs = new[] { Spec("a", "filter: {replicas: 2}"), Spec("b", "filter: {replicas: 2}") };

        var files = PipelineGenerator.Generate(specs, new GeneratorOptions(GenerationMode.Plugin));

        Assert.Contains(files, f => f.Path == "services/argo/argoflow-filter.yaml" && f.Content.Contains("replicas: 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Plugin_and_container_steps_call_the_headless_service()
    {
        foreach (var mode in new[] { GenerationMode.Plugin, GenerationMode.Container })
        {
            var template = PipelineGenerator.Generate([Spec("a", "")], new GeneratorOptions(mode)).Single(f => f.Path == "a/workflowtemplate.yaml").Content;

            Assert.Contains("argoflow-filter-headless.argo.svc.cluster.local:9090", template, StringComparison.Ordinal);
        }
    }

    private static string Kind(JsonElement document) => document.GetProperty("kind").GetString()!;

    private static List<JsonElement> Documents(PipelineSpec spec, string path) =>
        YamlJson.Documents(PipelineGenerator.Generate([spec], new GeneratorOptions(GenerationMode.Plugin)).Single(f => f.Path == path).Content).ToList();

    private static PipelineSpec Spec(string name, string services) => PipelineSpecReader.Read($$"""
        apiVersion: argoflow.io/v1alpha1
        kind: Pipeline
        metadata: {name: {{name}}, namespace: argo}
        spec:
          parameters: [{name: input}]
          services: {{(services.Length == 0 ? "{}" : "{" + services + "}")}}
          steps:
            - name: blur
              type: filter
              with: {operation: grayscale}
        """, name + ".yaml");
}
