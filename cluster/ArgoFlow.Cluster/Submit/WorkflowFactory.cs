using ArgoFlow.Cluster.Argo;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Kubernetes;
using WorkflowTemplate = ArgoFlow.Cluster.Argo.WorkflowTemplate;

namespace ArgoFlow.Cluster.Submit;

/// <summary>
/// Builds the Workflow that `argo submit --from workflowtemplate/NAME` creates: generateName NAME-, the
/// workflows.argoproj.io/workflow-template label, spec.workflowTemplateRef and spec.arguments.parameters - and no
/// templates of its own. Parameters are checked against the template first, so nothing is created for a typo.
/// The workflow is built from the generator's Argo model (the write side); the template is the cluster's copy.
/// </summary>
public static class WorkflowFactory
{
    public const string TemplateLabel = ArgoApi.WorkflowTemplateLabel;

    public static Templates.Argo.Workflow FromTemplate(WorkflowTemplate template, string ns, SubmitRequest request)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request);
        var name = template.Metadata.Name ?? throw new ArgumentException("template has no name", nameof(template));
        var declared = template.Spec.Arguments?.Parameters ?? [];
        CheckParameters(name, declared, request.Parameters);

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { [TemplateLabel] = name };
        foreach (var (key, value) in request.Labels)
        {
            labels[key] = value;
        }

        var arguments = request.Parameters.Count == 0
            ? null
            : new Templates.Argo.Arguments(request.Parameters.Select(p => new Templates.Argo.Parameter(p.Key, p.Value)).ToList());
        return Templates.Argo.Workflow.Create(
            new Templates.Kubernetes.ObjectMeta(GenerateName: request.GenerateName ?? name + "-", Namespace: ns, Labels: labels),
            new Templates.Argo.WorkflowSpec(
                Arguments: arguments,
                ServiceAccountName: request.ServiceAccount,
                WorkflowTemplateRef: new Templates.Argo.WorkflowTemplateRef(name)));
    }

    private static void CheckParameters(string template, IReadOnlyList<Argo.Parameter> declared, IReadOnlyList<KeyValuePair<string, string>> given)
    {
        var known = declared.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (key, _) in given.Where(p => !known.Contains(p.Key)))
        {
            problems.Add($"unknown parameter \"{key}\"");
        }

        foreach (var duplicate in given.GroupBy(p => p.Key).Where(g => g.Count() > 1))
        {
            problems.Add($"parameter \"{duplicate.Key}\" given {duplicate.Count()} times");
        }

        // A parameter with neither value nor default would make the controller fail the workflow at once.
        foreach (var missing in declared.Where(p => p.Value is null && p.Default is null && given.All(g => g.Key != p.Name)))
        {
            problems.Add($"parameter \"{missing.Name}\" has no default and must be given with -p {missing.Name}=VALUE");
        }

        foreach (var (key, value) in given)
        {
            var spec = declared.FirstOrDefault(p => p.Name == key);
            if (spec?.Enum is { Count: > 0 } allowed && !allowed.Contains(value))
            {
                problems.Add($"parameter \"{key}\" must be one of {string.Join(", ", allowed)} (got \"{value}\")");
            }
        }

        if (problems.Count > 0)
        {
            var names = known.Count == 0 ? "(none)" : string.Join(", ", known.Order(StringComparer.Ordinal));
            throw new ArgoFlowException(
                ExitCode.InvalidInput,
                $"workflow template \"{template}\": {string.Join("; ", problems)}",
                $"the template declares: {names}");
        }
    }
}
