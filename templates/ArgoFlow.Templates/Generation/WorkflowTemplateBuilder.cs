using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Kubernetes;
using ArgoFlow.Templates.Manifests;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// The per-step form: an entrypoint DAG with one task per step and one leaf template per distinct step. Steps
/// whose templates are identical apart from the name share the first one, which keeps large specs under Argo's
/// 200-template limit (the DAG itself is one of them).
/// </summary>
internal static class WorkflowTemplateBuilder
{
    public const string EntrypointName = "main";

    public static WorkflowTemplate Build(PipelineSpec spec, GeneratorOptions options, IStepTemplateFactory factory)
    {
        var leaves = new List<Template>();
        var byContent = new Dictionary<string, string>(StringComparer.Ordinal);
        var tasks = new List<DagTask>(spec.Steps.Count);
        foreach (var step in spec.Steps)
        {
            var key = ContentKey(spec, step);
            if (!byContent.TryGetValue(key, out var templateName))
            {
                templateName = step.Name;
                byContent[key] = templateName;
                leaves.Add(factory.Create(spec, step, step.Name));
            }

            tasks.Add(new DagTask(
                step.Name,
                templateName,
                step.DependsOn.Count == 0 ? null : step.DependsOn,
                StepInputs.Pass(spec, step)));
        }

        var entry = UniqueName(EntrypointName, leaves);
        if (leaves.Count + 1 > ArgoApi.MaxTemplates)
        {
            throw new ValidationException([new Diagnostic(spec.Source, "spec.steps",
                $"needs {leaves.Count + 1} Argo templates (one per distinct step plus the DAG); Argo allows at most {ArgoApi.MaxTemplates}: " +
                "give steps identical settings where possible, or use --fused")]);
        }

        return Create(spec, options, entry, [new Template(entry, Dag: new DagTemplate(tasks)), .. leaves]);
    }

    public static WorkflowTemplate Create(PipelineSpec spec, GeneratorOptions options, string entrypoint, IReadOnlyList<Template> templates)
    {
        var arguments = spec.Parameters.Count == 0
            ? null
            : new Arguments(spec.Parameters.Select(p => new Parameter(p.Name, p.Value, p.Description)).ToList());
        var metadata = new ObjectMeta(
            spec.Name,
            Namespace: spec.Namespace,
            Labels: ManifestLabels.Sorted(
                (ManifestLabels.ManagedBy, ManifestLabels.ManagedByValue),
                (ManifestLabels.Mode, options.Label)));
        return WorkflowTemplate.Create(metadata, new WorkflowSpec(entrypoint, arguments, RbacManifests.ServiceAccountName, templates));
    }

    /// <summary>
    /// Everything a leaf template is made from (type, endpoints, timeout, retry, inputs, request): equal keys mean
    /// equal templates in every mode, without serializing each template to compare them.
    /// </summary>
    private static string ContentKey(PipelineSpec spec, PipelineStep step) => string.Join('\n',
        step.Type.Name,
        spec.Services.For(step.Type.Name),
        step.TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        step.Retry,
        string.Join(',', step.Inputs.Keys),
        StepRequest.For(step).ToJsonText());

    private static string UniqueName(string wanted, IReadOnlyList<Template> taken)
    {
        var name = wanted;
        for (var i = 2; taken.Any(t => t.Name == name); i++)
        {
            name = $"{wanted}-{i}";
        }

        return name;
    }
}
