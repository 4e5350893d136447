using ArgoFlow.Cluster.Apply;
using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Submit;
using ArgoFlow.Cluster.Watch;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Cluster.Tests.RealCluster;

/// <summary>
/// The same paths as the fake-server tests, against a real cluster (kind or k3d with Argo installed, namespace
/// ARGOFLOW_E2E_NAMESPACE or "argo"). Only objects named argoflow-e2e-* are created.
/// </summary>
public sealed class RealClusterTests
{
    private static KubeConnection Open() => KubeConnection.Open(new KubeConnectionOptions
    {
        KubeconfigPath = Environment.GetEnvironmentVariable(RealClusterFactAttribute.Variable),
        Namespace = Environment.GetEnvironmentVariable("ARGOFLOW_E2E_NAMESPACE") ?? "argo",
    });

    private const string Template = """
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata:
          name: argoflow-e2e-hello
        spec:
          entrypoint: main
          arguments:
            parameters:
              - name: message
                value: hello
          templates:
            - name: main
              dag:
                tasks:
                  - name: say
                    template: say
                    arguments:
                      parameters:
                        - name: message
                          value: "{{workflow.parameters.message}}"
            - name: say
              inputs:
                parameters:
                  - name: message
              container:
                image: argoproj/argosay:v2
                args: ["echo", "{{inputs.parameters.message}}"]
        """;

    [RealClusterFact]
    public async Task ApplyIsIdempotentAndASubmittedWorkflowIsWatchedToSucceeded()
    {
        using var connection = Open();
        var api = new KubeApiClient(connection);
        var argo = new ArgoClient(api);
        await ArgoApiCheck.EnsureServedAsync(api, ResourceTypes.WorkflowTemplate, CancellationToken.None);
        var (objects, _) = ApplyPlan.Build(ManifestReader.Parse("e2e.yaml", Template), connection.Namespace, true, false);
        await new Applier(api).ApplyAsync(objects[0], CancellationToken.None);

        var again = await new Applier(api).ApplyAsync(objects[0], CancellationToken.None);
        var submitted = await new WorkflowSubmitter(argo).SubmitFromTemplateAsync(
            "argoflow-e2e-hello", new SubmitRequest { Parameters = [new("message", "from argoflow")] }, CancellationToken.None);
        var observation = new WorkflowObservation(TimeProvider.System, null, DateTimeOffset.UtcNow);
        var final = await new WorkflowWaiter(new WorkflowWatcher(argo, TimeProvider.System), TimeProvider.System)
            .WaitAsync(submitted.Workflow.Name, observation, TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal(ApplyAction.Unchanged, again.Action);
        Assert.Equal(WorkflowPhase.Succeeded, final.Phase);
        Assert.Contains(final.Workflow.Status!.Nodes!.Values, n => n.DisplayName == "say" && n.Outputs?.Result?.Contains("from argoflow", StringComparison.Ordinal) != false);
    }

    [RealClusterFact]
    public async Task UnknownTemplateIsNotFoundOnARealServer()
    {
        using var connection = Open();

        var ex = await Assert.ThrowsAsync<ArgoFlow.Core.Errors.ArgoFlowException>(() =>
            new ArgoClient(new KubeApiClient(connection)).GetWorkflowTemplateAsync("argoflow-e2e-missing", CancellationToken.None));

        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [RealClusterFact]
    public async Task GeneratedSampleTemplatesAreAcceptedByTheRealApiServer()
    {
        using var connection = Open();
        var api = new KubeApiClient(connection);
        var path = Path.Combine(SharedData.RepoRoot, "samples", "generated", "http", "classic");
        var documents = await ManifestReader.ReadPathAsync(path, CancellationToken.None);
        var (objects, _) = ApplyPlan.Build(documents, connection.Namespace, false, false);

        var outcome = await new Applier(api).ApplyAsync(objects[0], CancellationToken.None);

        Assert.Equal("classic", outcome.Name);
    }
}
