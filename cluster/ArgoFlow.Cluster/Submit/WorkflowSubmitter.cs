using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Apply;
using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Submit;

/// <summary>
/// Creates workflows: from a WorkflowTemplate on the cluster (read first, so parameters are checked before anything
/// exists) or from a Workflow manifest. With DryRun the workflow is returned without being created.
/// </summary>
public sealed class WorkflowSubmitter
{
    private readonly ArgoClient _client;

    public WorkflowSubmitter(ArgoClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    public async Task<SubmitResult> SubmitFromTemplateAsync(string templateName, SubmitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var template = await _client.GetWorkflowTemplateAsync(templateName, cancellationToken).ConfigureAwait(false);
        var workflow = WorkflowFactory.FromTemplate(template, _client.Namespace, request);
        return await CreateAsync(ArgoJson.ToNode(workflow), request.DryRun, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits a Workflow manifest, with -p/--labels/--generate-name/--service-account layered on top.</summary>
    public async Task<SubmitResult> SubmitManifestAsync(ManifestDocument document, SubmitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(request);
        if (document.Kind != "Workflow" || document.ApiVersion != Workflow.ApiVersionValue)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput,
                $"{document.Where}: expected an {Workflow.ApiVersionValue} Workflow, found {document.ApiVersion}/{document.Kind}");
        }

        var body = document.Body.DeepClone().AsObject();
        ManifestOverrides.Apply(body, _client.Namespace, request, document.Where);
        return await CreateAsync(body, request.DryRun, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SubmitResult> CreateAsync(JsonObject body, bool dryRun, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            return new SubmitResult(WorkflowSnapshot.From(body), Created: false);
        }

        var created = await _client.CreateWorkflowAsync(body, cancellationToken).ConfigureAwait(false);
        return new SubmitResult(created, Created: true);
    }
}
