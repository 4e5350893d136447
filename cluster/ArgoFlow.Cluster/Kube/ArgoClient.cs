using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Argo;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Kube;

/// <summary>Argo objects over <see cref="KubeApiClient"/>, with messages that name the object and what to do.</summary>
public sealed class ArgoClient
{
    public ArgoClient(KubeApiClient api)
    {
        Api = api ?? throw new ArgumentNullException(nameof(api));
    }

    public KubeApiClient Api { get; }

    public string Namespace => Api.Namespace;

    public async Task<WorkflowTemplate> GetWorkflowTemplateAsync(string name, CancellationToken cancellationToken)
    {
        var type = ResourceTypes.WorkflowTemplate;
        var node = await Api.TryGetAsync(type.ItemPath(Namespace, name), cancellationToken).ConfigureAwait(false);
        if (node is null)
        {
            await ArgoApiCheck.EnsureServedAsync(Api, type, cancellationToken).ConfigureAwait(false);
            throw new ArgoFlowException(
                ExitCode.Unavailable,
                $"workflow template \"{name}\" not found in namespace \"{Namespace}\"",
                $"apply it first (`argoflow apply -f DIR -n {Namespace}`); list them with `kubectl get workflowtemplates -n {Namespace}`");
        }

        return ArgoJson.FromNode<WorkflowTemplate>(node);
    }

    public async Task<WorkflowSnapshot> GetWorkflowAsync(string name, CancellationToken cancellationToken)
    {
        var type = ResourceTypes.Workflow;
        var node = await Api.TryGetAsync(type.ItemPath(Namespace, name), cancellationToken).ConfigureAwait(false);
        if (node is null)
        {
            await ArgoApiCheck.EnsureServedAsync(Api, type, cancellationToken).ConfigureAwait(false);
            throw new ArgoFlowException(
                ExitCode.Unavailable,
                $"workflow \"{name}\" not found in namespace \"{Namespace}\"",
                $"list them with `kubectl get workflows -n {Namespace}`");
        }

        return WorkflowSnapshot.From(node);
    }

    /// <summary>Creates a workflow; the server fills in the name from generateName.</summary>
    public async Task<WorkflowSnapshot> CreateWorkflowAsync(JsonObject workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var type = ResourceTypes.Workflow;
        try
        {
            var created = await Api.CreateAsync(type.CollectionPath(Namespace), workflow, cancellationToken).ConfigureAwait(false);
            return WorkflowSnapshot.From(created);
        }
        catch (KubeApiException ex) when (ex.Code == 404)
        {
            await ArgoApiCheck.EnsureServedAsync(Api, type, cancellationToken).ConfigureAwait(false);
            throw new ArgoFlowException(ExitCode.Unavailable, $"namespace \"{Namespace}\" not found: {ex.Status.Message}",
                "create it (`kubectl create namespace NAME`) or pass -n", ex);
        }
        catch (KubeApiException ex) when (ex.Code == 409)
        {
            var name = (string?)workflow["metadata"]?["name"] ?? (string?)workflow["metadata"]?["generateName"];
            throw new ArgoFlowException(ExitCode.Unavailable,
                $"workflow \"{name}\" already exists in namespace \"{Namespace}\": {ex.Status.Message}",
                "use metadata.generateName (or --generate-name) so each run gets a fresh name, or delete the old workflow", ex);
        }
    }
}
