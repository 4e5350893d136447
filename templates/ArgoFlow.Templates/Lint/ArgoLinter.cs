using System.Text.RegularExpressions;
using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>
/// Argo's lint rules for one Workflow / WorkflowTemplate / ClusterWorkflowTemplate document, reimplemented on the
/// YAML tree so every problem has a line: template names valid and unique (CRD pattern, at most 128, at most 200
/// templates), the entrypoint exists, exactly one template type per template, DAG/steps references resolve, DAG
/// dependencies exist and have no cycle, and every <c>{{...}}</c> tag (see <see cref="TagChecker"/>) resolves.
/// </summary>
internal sealed partial class ArgoLinter(SpecReadContext context, YMapping document, string kind)
{
    public static readonly string[] TemplateTypes =
        ["container", "containerSet", "dag", "data", "http", "plugin", "resource", "script", "steps", "suspend"];

    private readonly Dictionary<string, YMapping> _templates = new(StringComparer.Ordinal);

    public void Run()
    {
        CheckMetadata();
        if (context.Mapping(document["spec"], "spec", required: true, parent: document) is not { } spec)
        {
            return;
        }

        var usesTemplateRef = spec["workflowTemplateRef"] is YMapping;
        var workflowParameters = ReadParameters(context, spec["arguments"] is YMapping a ? a["parameters"] : null, "spec.arguments.parameters");
        var templates = context.Sequence(spec["templates"], "spec.templates");
        if (templates is null || templates.Items.Count == 0)
        {
            if (!usesTemplateRef)
            {
                context.Error(spec["templates"] ?? spec, "spec.templates", "needs at least one template (or spec.workflowTemplateRef)");
            }

            return;
        }

        if (templates.Items.Count > ArgoApi.MaxTemplates)
        {
            context.Error(templates, "spec.templates", $"{templates.Items.Count} templates; Argo allows at most {ArgoApi.MaxTemplates}");
        }

        IndexTemplates(templates);
        CheckEntrypoint(spec, usesTemplateRef);
        var tags = new TagChecker(context, usesTemplateRef ? null : workflowParameters);
        for (var i = 0; i < templates.Items.Count; i++)
        {
            if (templates.Items[i] is YMapping template)
            {
                new TemplateChecker(context, tags, _templates, template, SpecReadContext.Index("spec.templates", i)).Run();
            }
        }
    }

    internal static HashSet<string> ReadParameters(SpecReadContext context, YNode? node, string path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sequence = context.Sequence(node, path);
        for (var i = 0; sequence is not null && i < sequence.Items.Count; i++)
        {
            var itemPath = SpecReadContext.Index(path, i) + ".name";
            if (sequence.Items[i] is YMapping item && context.Text(item["name"], itemPath, required: true, parent: item) is { } name)
            {
                if (Names.CheckParameterName(name) is { } problem)
                {
                    context.Error(item["name"], itemPath, problem);
                }
                else if (!names.Add(name))
                {
                    context.Error(item["name"], itemPath, $"duplicate parameter '{name}'");
                }
            }
        }

        return names;
    }

    private void CheckMetadata()
    {
        var metadata = context.Mapping(document["metadata"], "metadata", required: true, parent: document);
        if (metadata is null)
        {
            return;
        }

        var name = metadata["name"] as YScalar;
        var generateName = metadata["generateName"] as YScalar;
        if (name is null && (generateName is null || kind != "Workflow"))
        {
            context.Error(metadata, "metadata.name", "is required");
        }
        else if (name is not null && !Subdomain().IsMatch(name.Value))
        {
            context.Error(name, "metadata.name", $"'{name.Value}' is not a valid Kubernetes name (lower-case DNS-1123 subdomain, at most 253 characters)");
        }
    }

    private void IndexTemplates(YSequence templates)
    {
        for (var i = 0; i < templates.Items.Count; i++)
        {
            var path = SpecReadContext.Index("spec.templates", i) + ".name";
            if (context.Mapping(templates.Items[i], SpecReadContext.Index("spec.templates", i)) is not { } template ||
                context.Text(template["name"], path, required: true, parent: template) is not { } name)
            {
                continue;
            }

            if (TemplateChecker.CheckName(name) is { } problem)
            {
                context.Error(template["name"], path, problem);
            }
            else if (!_templates.TryAdd(name, template))
            {
                context.Error(template["name"], path, $"duplicate template name '{name}'");
            }
        }
    }

    private void CheckEntrypoint(YMapping spec, bool usesTemplateRef)
    {
        if (spec["entrypoint"] is not YScalar { IsNull: false } entrypoint)
        {
            if (kind == "Workflow" && !usesTemplateRef)
            {
                context.Error(spec, "spec.entrypoint", "is required: the template the workflow starts with");
            }

            return;
        }

        if (!_templates.ContainsKey(entrypoint.Value))
        {
            context.Error(entrypoint, "spec.entrypoint",
                $"template '{entrypoint.Value}' does not exist{DidYouMean.Suffix(entrypoint.Value, _templates.Keys)}");
        }
    }

    [GeneratedRegex(@"^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();
}
