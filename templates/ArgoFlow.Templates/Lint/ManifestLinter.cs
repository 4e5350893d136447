using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;
using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>
/// <c>argoflow lint</c>: checks pipeline specs with the spec validator, and Argo Workflow, WorkflowTemplate and
/// ClusterWorkflowTemplate documents with ArgoFlow's implementation of Argo's lint rules (<see cref="ArgoLinter"/>).
/// Other Kubernetes documents only need apiVersion, kind and metadata.name, except the external agent's objects
/// (<see cref="AgentObjectLinter"/>).
/// </summary>
public static class ManifestLinter
{
    /// <summary>Generated WorkflowTemplates of 200 steps stay far below this; it stops runaway inputs early.</summary>
    public const long MaxFileBytes = 8L * 1024 * 1024;

    private static readonly string[] ArgoKinds = ["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"];

    /// <param name="path">The file.</param>
    /// <param name="target">The Argo release the documents must work on; null checks no release's field set.</param>
    public static LintResult LintFile(string path, Argo.ArgoVersion? target = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var text = SourceText.ReadFile(path, MaxFileBytes, "manifest");
            return Lint(text, path, target);
        }
        catch (ValidationException ex)
        {
            return new LintResult(path, [], ex.Diagnostics);
        }
        catch (ArgoFlowException ex)
        {
            return new LintResult(path, [], [new Diagnostic(new SourceLocation(path, 0, 0), string.Empty, ex.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? ex.Message[(path.Length + 2)..] : ex.Message)]);
        }
    }

    public static LintResult Lint(string text, string source, Argo.ArgoVersion? target = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        IReadOnlyList<YNode> documents;
        try
        {
            documents = SafeYamlLoader.Load(SourceText.Check(text, source, MaxFileBytes, "manifest"), source);
        }
        catch (ValidationException ex)
        {
            return new LintResult(source, [], ex.Diagnostics);
        }

        var kinds = new List<string>();
        var checkedObjects = new List<(string Kind, YMapping Document)>();
        var bag = new DiagnosticBag(source);
        var context = new SpecReadContext(bag);
        if (documents.Count == 0)
        {
            bag.Error(null, string.Empty, "the file is empty");
        }

        foreach (var document in documents)
        {
            if (document is YScalar { IsNull: true })
            {
                continue;
            }

            var mapping = context.Mapping(document, string.Empty);
            var apiVersion = mapping?["apiVersion"] is YScalar a ? a.Value : null;
            var kind = mapping?["kind"] is YScalar k ? k.Value : null;
            if (mapping is null)
            {
                continue;
            }

            if (kind is null || apiVersion is null)
            {
                bag.Error(mapping, string.Empty, "not a Kubernetes object: apiVersion and kind are required");
                continue;
            }

            kinds.Add(kind);
            if (apiVersion == PipelineSpecReader.ApiVersion && kind == PipelineSpecReader.Kind)
            {
                LintPipeline(text, source, documents.Count, bag, mapping);
            }
            else if (apiVersion == Argo.ArgoApi.Version && ArgoKinds.Contains(kind))
            {
                new ArgoLinter(context, mapping, kind).Run();
                if (target is not null)
                {
                    ArgoVersionChecker.Check(context, mapping, target);
                }
            }
            else if (kind != "Kustomization" && (mapping["metadata"] as YMapping)?["name"] is not YScalar { IsNull: false } &&
                     (mapping["metadata"] as YMapping)?["generateName"] is not YScalar { IsNull: false })
            {
                bag.Error(mapping["metadata"] ?? mapping, "metadata.name", "is required");
            }
            else
            {
                AgentObjectLinter.Check(kind, mapping, bag);
                checkedObjects.Add((kind, mapping));
            }
        }

        AgentObjectLinter.CheckFile(checkedObjects, bag);

        try
        {
            bag.ThrowIfAny();
            return new LintResult(source, kinds, []);
        }
        catch (ValidationException ex)
        {
            return new LintResult(source, kinds, ex.Diagnostics);
        }
    }

    private static void LintPipeline(string text, string source, int documentCount, DiagnosticBag bag, YMapping document)
    {
        if (documentCount > 1)
        {
            bag.Error(document, string.Empty, "a pipeline spec must be alone in its file");
            return;
        }

        try
        {
            PipelineSpecReader.Read(text, source);
        }
        catch (ValidationException ex)
        {
            foreach (var problem in ex.Diagnostics)
            {
                bag.Add(problem);
            }
        }
    }
}
