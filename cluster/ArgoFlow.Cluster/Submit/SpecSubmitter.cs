using ArgoFlow.Cluster.Apply;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Cluster.Submit;

/// <summary>
/// `submit -f spec.yaml`: generates the pipeline's WorkflowTemplate in memory with the generator, applies it
/// (created/updated/unchanged, exactly as `argoflow apply` would) and submits a workflow from it. The service
/// manifests are not applied here: they are deployed once with `argoflow apply --all`.
/// </summary>
public sealed class SpecSubmitter
{
    private readonly ArgoClient _client;

    public SpecSubmitter(ArgoClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>True when the file's first document is an ArgoFlow pipeline spec rather than an Argo object.</summary>
    public static bool IsPipelineSpec(IReadOnlyList<ManifestDocument> documents) =>
        documents.Count > 0 && documents[0].Kind == "Pipeline" &&
        documents[0].ApiVersion?.StartsWith("argoflow.io/", StringComparison.Ordinal) == true;

    public static PipelineSpec Read(string path) => PipelineSpecReader.ReadFile(path);

    public async Task<(IReadOnlyList<ApplyOutcome> Applied, SubmitResult Submitted)> SubmitAsync(
        PipelineSpec spec, GeneratorOptions options, SubmitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(request);
        var file = PipelineGenerator.Generate([spec], options).Single(f => f.Path == $"{spec.Name}/workflowtemplate.yaml");
        var documents = ManifestReader.Parse($"{spec.Name}/workflowtemplate.yaml (generated)", file.Content);
        var (objects, _) = ApplyPlan.Build(documents, _client.Namespace, namespaceExplicit: true, includeAll: false);
        var applied = new List<ApplyOutcome>();
        if (!request.DryRun)
        {
            var applier = new Applier(_client.Api);
            foreach (var planned in objects)
            {
                applied.Add(await applier.ApplyAsync(planned, cancellationToken).ConfigureAwait(false));
            }
        }

        var submitter = new WorkflowSubmitter(_client);
        var result = request.DryRun
            ? await DryRunAsync(documents, request, cancellationToken).ConfigureAwait(false)
            : await submitter.SubmitFromTemplateAsync(spec.Name, request, cancellationToken).ConfigureAwait(false);
        return (applied, result);
    }

    private static Task<SubmitResult> DryRunAsync(IReadOnlyList<ManifestDocument> documents, SubmitRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var template = Argo.ArgoJson.FromNode<Argo.WorkflowTemplate>(documents.Single(d => d.Kind == "WorkflowTemplate").Body);
        var workflow = WorkflowFactory.FromTemplate(template, template.Metadata.Namespace ?? "default", request);
        return Task.FromResult(new SubmitResult(WorkflowSnapshot.From(Argo.ArgoJson.ToNode(workflow)), Created: false));
    }
}
