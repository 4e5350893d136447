using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Apply;
using ArgoFlow.Cluster.Tests.Support;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cluster.Tests.Apply;

/// <summary>Applying the generated service manifests of scaled services: HPA, PDB, headless Service, autoscaled Deployment.</summary>
public sealed class ScaledApplyTests
{
    private static readonly FakeResource Deployments = new("apps", "v1", "deployments", "Deployment");

    [Fact]
    public async Task Generated_autoscaler_budget_and_headless_service_are_applied_and_a_replace_keeps_the_autoscaled_count()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var source = Path.Combine(SharedData.RepoRoot, "samples", "generated", "plugin", "services", "argo", "argoflow-detect.yaml");
        var file = cluster.Dir.Combine("argoflow-detect.yaml");
        File.WriteAllText(file, File.ReadAllText(source));

        var created = await ApplierTests.ApplyAsync(cluster, file, all: true);
        // The autoscaler scaled the Deployment meanwhile; then a new image is applied.
        cluster.Server.Store.Update(Deployments, "argo", "argoflow-detect", d => d["spec"]!["replicas"] = 5);
        File.WriteAllText(file, File.ReadAllText(source).Replace("argoflow:0.1.0", "argoflow:0.1.1", StringComparison.Ordinal));
        var replaced = await ApplierTests.ApplyAsync(cluster, file, all: true);

        Assert.Equal(
            [
                "service/argoflow-detect created", "service/argoflow-detect-headless created", "deployment.apps/argoflow-detect created",
                "horizontalpodautoscaler.autoscaling/argoflow-detect created", "poddisruptionbudget.policy/argoflow-detect created",
            ],
            created.Select(o => o.ToString()));
        Assert.Equal(ApplyAction.Updated, replaced.Single(o => o.Name == "argoflow-detect" && o.Kind == "Deployment").Action);
        var live = cluster.Server.Store.Get(Deployments, "argo", "argoflow-detect")!;
        Assert.Equal(5, (int)live["spec"]!["replicas"]!);
        Assert.Contains("argoflow:0.1.1", live.ToJsonString(), StringComparison.Ordinal);
    }
}
