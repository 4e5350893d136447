using System.Text.RegularExpressions;
using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>
/// Argo's lint rules (workflow/validate/validate.go) for one Workflow / WorkflowTemplate / ClusterWorkflowTemplate /
/// CronWorkflow document, reimplemented on the YAML tree so every problem has a line. This walk does the structure:
/// template names valid and unique (CRD pattern, at most 128, at most 200 templates), the entrypoint exists, exactly
/// one template type per template, DAG/steps references resolve, DAG dependencies exist and have no cycle, and
/// every <c>{{...}}</c> tag (see <see cref="TagChecker"/>) resolves; at each document, template and step or task it
/// runs the rules registered in <see cref="LintRules"/>.
/// </summary>
internal sealed partial class ArgoLinter(SpecReadContext context, YMapping document, string kind)
{
    public static readonly string[] TemplateTypes =
        ["container", "containerSet", "dag", "data", "http", "plugin", "resource", "script", "steps", "suspend"];

    private readonly Dictionary<string, YMapping> _templates = new(StringComparer.Ordinal);

    public void Run()
    {
        CheckMetadata();
        if (context.Mapping(document["spec"], "spec", required: true, parent: document) is not { } outer)
        {
            return;
        }

        // A CronWorkflow carries the workflow's spec one level down; every rule reads it the same way.
        var spec = outer;
        var specPath = "spec";
        if (kind == "CronWorkflow")
        {
            new CronRules(context, outer).Run();
            if (context.Mapping(outer["workflowSpec"], "spec.workflowSpec", required: true, parent: outer) is not { } inner)
            {
                return;
            }

            (spec, specPath) = (inner, "spec.workflowSpec");
        }

        var lint = new LintDocument(kind, document, spec, specPath);
        foreach (var rule in LintRules.Documents)
        {
            rule.Check(context, lint);
        }

        var templatesPath = specPath + ".templates";
        var workflowParameters = ReadParameters(context, spec["arguments"] is YMapping a ? a["parameters"] : null, specPath + ".arguments.parameters");
        var templates = context.Sequence(spec["templates"], templatesPath);
        if (templates is null || templates.Items.Count == 0)
        {
            if (!lint.UsesTemplateRef)
            {
                context.Error(spec["templates"] ?? spec, templatesPath, "needs at least one template (or spec.workflowTemplateRef)");
            }

            return;
        }

        if (templates.Items.Count > ArgoApi.MaxTemplates)
        {
            context.Error(templates, templatesPath, $"{templates.Items.Count} templates; Argo allows at most {ArgoApi.MaxTemplates}");
        }

        IndexTemplates(templates, templatesPath);
        CheckEntrypoint(spec, specPath, lint.UsesTemplateRef);

        // validate.go resolveAllVariables: a WorkflowTemplate may read workflow parameters that only the Workflow
        // submitting it declares, so only a Workflow's own parameters are checked.
        var tags = new TagChecker(context, lint.UsesTemplateRef || lint.IsTemplateKind ? null : workflowParameters);
        for (var i = 0; i < templates.Items.Count; i++)
        {
            if (templates.Items[i] is YMapping template)
            {
                new TemplateChecker(context, tags, lint, _templates, template, SpecReadContext.Index(templatesPath, i)).Run();
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
        if (name is null && (generateName is null || kind is not ("Workflow" or "CronWorkflow")))
        {
            context.Error(metadata, "metadata.name", "is required");
        }
        else if (name is not null && !Subdomain().IsMatch(name.Value))
        {
            context.Error(name, "metadata.name", $"'{name.Value}' is not a valid Kubernetes name (lower-case DNS-1123 subdomain, at most 253 characters)");
        }
    }

    private void IndexTemplates(YSequence templates, string templatesPath)
    {
        for (var i = 0; i < templates.Items.Count; i++)
        {
            var path = SpecReadContext.Index(templatesPath, i) + ".name";
            if (context.Mapping(templates.Items[i], SpecReadContext.Index(templatesPath, i)) is not { } template ||
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

    private void CheckEntrypoint(YMapping spec, string specPath, bool usesTemplateRef)
    {
        if (spec["entrypoint"] is not YScalar { IsNull: false } entrypoint)
        {
            if (kind is "Workflow" or "CronWorkflow" && !usesTemplateRef)
            {
                context.Error(spec, specPath + ".entrypoint", "is required: the template the workflow starts with");
            }

            return;
        }

        if (!_templates.ContainsKey(entrypoint.Value))
        {
            context.Error(entrypoint, specPath + ".entrypoint",
                $"template '{entrypoint.Value}' does not exist{DidYouMean.Suffix(entrypoint.Value, _templates.Keys)}");
        }
    }

    [GeneratedRegex(@"^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();
}
