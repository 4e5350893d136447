using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>Reads and checks the whole document: header, metadata, parameters, services, policies, steps.</summary>
internal static class SpecDocumentReader
{
    public static PipelineSpec? Read(SpecReadContext context, YNode root, string text)
    {
        var source = context.Bag.Source;
        if (context.Mapping(root, string.Empty) is not { } document)
        {
            return null;
        }

        context.CheckKeys(document, string.Empty, "apiVersion", "kind", "metadata", "spec");
        Expect(context, document, "apiVersion", PipelineSpecReader.ApiVersion);
        Expect(context, document, "kind", PipelineSpecReader.Kind);

        var metadata = context.Mapping(document["metadata"], "metadata", required: true, parent: document);
        string? name = null;
        var ns = PipelineSpecReader.DefaultNamespace;
        if (metadata is not null)
        {
            context.CheckKeys(metadata, "metadata", "name", "namespace");
            name = ResourceName(context, metadata, "name", required: true);
            ns = ResourceName(context, metadata, "namespace", required: false) ?? ns;
        }

        var spec = context.Mapping(document["spec"], "spec", required: true, parent: document);
        if (spec is null)
        {
            return null;
        }

        context.CheckKeys(spec, "spec", "parameters", "services", "retry", "timeoutSeconds", "steps");
        var parameters = ParametersReader.Read(context, spec["parameters"], spec);
        var parameterNames = parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var services = ServicesReader.Read(context, spec["services"], ns);
        var retry = RetryReader.Read(context, spec["retry"], "spec.retry", RetryPolicy.Default);
        var timeout = context.Int(spec["timeoutSeconds"], "spec.timeoutSeconds", 1, PipelineSpecReader.MaxTimeoutSeconds)
                      ?? PipelineSpecReader.DefaultTimeoutSeconds;

        var rawSteps = ReadSteps(context, spec, retry, timeout, parameterNames);
        ParameterDefaultChecker.Check(context, parameters, rawSteps);
        var steps = rawSteps.Count > 0 ? new StepResolver(context, rawSteps, parameterNames, source).Resolve() : null;
        if (context.Bag.HasErrors || steps is null || name is null)
        {
            return null;
        }

        return new PipelineSpec(name, ns, parameters, steps, services, retry, timeout, new SourceLocation(source, 1, 1), text);
    }

    private static List<RawStep> ReadSteps(
        SpecReadContext context, YMapping spec, RetryPolicy retry, int timeout, IReadOnlySet<string> parameters)
    {
        var steps = new List<RawStep>();
        var sequence = context.Sequence(spec["steps"], "spec.steps");
        if (sequence is null || sequence.Items.Count == 0)
        {
            if (context.Bag.Count == 0 || sequence is not null || spec["steps"] is null or YScalar { IsNull: true })
            {
                context.Error(spec["steps"] ?? spec, "spec.steps", "needs at least one step");
            }

            return steps;
        }

        if (sequence.Items.Count > PipelineSpecReader.MaxSteps)
        {
            context.Error(sequence, "spec.steps",
                $"{sequence.Items.Count} steps; at most {PipelineSpecReader.MaxSteps} allowed (Argo's limit of DAG tasks)");
            return steps;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (context.Mapping(sequence.Items[i], SpecReadContext.Index("spec.steps", i), required: true, parent: sequence) is { } item)
            {
                steps.Add(StepReader.Read(context, item, i, retry, timeout, parameters));
            }
        }

        return steps;
    }

    private static void Expect(SpecReadContext context, YMapping document, string key, string expected)
    {
        var value = context.Text(document[key], key, required: true, parent: document);
        if (value is not null && value != expected)
        {
            context.Error(document[key], key, $"expected '{expected}', found '{value}'");
        }
    }

    private static string? ResourceName(SpecReadContext context, YMapping metadata, string key, bool required)
    {
        var path = "metadata." + key;
        var value = context.Text(metadata[key], path, required, metadata);
        if (value is not null && Names.CheckResourceName(value) is { } problem)
        {
            context.Error(metadata[key], path, problem);
            return null;
        }

        return value;
    }
}
