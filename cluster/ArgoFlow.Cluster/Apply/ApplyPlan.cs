using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Apply;

/// <summary>
/// Checks every document before anything is sent (so a bad file changes nothing) and orders them so what others
/// depend on exists first: accounts and RBAC, then config, services, deployments, and the Argo templates last.
/// Without --all only the Argo templates are applied; the service manifests are counted as skipped.
/// </summary>
public static class ApplyPlan
{
    private static readonly string[] Order =
    [
        "ServiceAccount", "Secret", "Role", "RoleBinding", "ConfigMap", "Service", "Deployment", "HorizontalPodAutoscaler",
        "PodDisruptionBudget", "NetworkPolicy",
        "ClusterWorkflowTemplate", "WorkflowTemplate", "Workflow",
    ];

    public static (IReadOnlyList<PlannedObject> Objects, int Skipped) Build(
        IReadOnlyList<ManifestDocument> documents, string defaultNamespace, bool namespaceExplicit, bool includeAll)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var problems = new List<Diagnostic>();
        var planned = new List<PlannedObject>();
        var skipped = 0;
        foreach (var doc in documents)
        {
            var where = new SourceLocation(doc.File, doc.Line, 1);
            var type = ResourceTypes.Find(doc.ApiVersion, doc.Kind);
            if (string.IsNullOrEmpty(doc.ApiVersion) || string.IsNullOrEmpty(doc.Kind))
            {
                problems.Add(new Diagnostic(where, "", "apiVersion and kind are required"));
                continue;
            }

            if (type is null)
            {
                problems.Add(new Diagnostic(where, "kind", $"{doc.ApiVersion}/{doc.Kind} is not a kind argoflow applies (supported: {ResourceTypes.Supported})"));
                continue;
            }

            if (type.Kind == "Workflow")
            {
                problems.Add(new Diagnostic(where, "kind", "a Workflow is a run, not a definition: start it with `argoflow submit -f FILE`"));
                continue;
            }

            if (string.IsNullOrEmpty(doc.Name))
            {
                problems.Add(new Diagnostic(where, "metadata.name", "is required"));
                continue;
            }

            var ns = doc.Namespace ?? defaultNamespace;
            if (namespaceExplicit && doc.Namespace is not null && doc.Namespace != defaultNamespace)
            {
                problems.Add(new Diagnostic(where, "metadata.namespace",
                    $"\"{doc.Namespace}\" does not match the namespace \"{defaultNamespace}\" given with -n"));
                continue;
            }

            if (!includeAll && type.Group != ResourceTypes.ArgoGroup)
            {
                skipped++;
                continue;
            }

            planned.Add(new PlannedObject(doc, type, type.Namespaced ? ns : null));
        }

        foreach (var duplicate in planned.GroupBy(p => (p.Type.Kind, p.Namespace, p.Document.Name)).Where(g => g.Count() > 1))
        {
            var first = duplicate.First().Document;
            problems.Add(new Diagnostic(new SourceLocation(duplicate.Last().Document.File, duplicate.Last().Document.Line, 1), "metadata.name",
                $"{duplicate.Key.Kind} \"{duplicate.Key.Name}\" is also defined at {first.Where}"));
        }

        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }

        var sorted = planned.OrderBy(p => Array.IndexOf(Order, p.Type.Kind)).ToList();
        return (sorted, skipped);
    }
}
