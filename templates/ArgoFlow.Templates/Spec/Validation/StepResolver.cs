using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>
/// Turns the raw steps into <see cref="PipelineStep"/>s: resolves each input (explicit, or by default the first
/// dependency's <c>image</c> output, else <c>params.input</c>), makes every step an input reads from a dependency,
/// and switches on the outputs that later steps consume (<c>writeDetections</c>, <c>annotate</c>).
/// </summary>
internal sealed class StepResolver(SpecReadContext context, IReadOnlyList<RawStep> steps, IReadOnlySet<string> parameters, string source)
{
    /// <summary>Outputs that a detect step only produces when a flag is on; consuming one turns it on.</summary>
    private static readonly Dictionary<string, string> OutputFlags = new(StringComparer.Ordinal)
    {
        ["detections"] = "writeDetections",
        ["annotated"] = "annotate",
    };

    public IReadOnlyList<PipelineStep>? Resolve()
    {
        var graph = new StepGraph(context, steps);
        graph.IndexNames();
        graph.ReadDependencies();
        var resolved = steps.ToDictionary(s => s, _ => new Dictionary<string, ValueSource>(StringComparer.Ordinal));
        foreach (var step in steps)
        {
            foreach (var (port, text, node) in step.Inputs)
            {
                if (ResolveInput(graph, step, port, text, node) is { } source)
                {
                    resolved[step][port] = source;
                }
            }
        }

        var order = graph.TopologicalOrder();
        if (order is null || context.Bag.HasErrors)
        {
            return null;
        }

        foreach (var step in order)
        {
            var deps = graph.Dependencies[step];
            if (step.Type is { } type && type.FindInput("image") is not null && !resolved[step].ContainsKey("image"))
            {
                resolved[step]["image"] = deps.Count > 0 && graph.Find(deps[0])?.Type?.FindOutput("image") is not null
                    ? new StepOutputRef(deps[0], "image")
                    : new ParameterRef("input");
            }
        }

        return context.Bag.HasErrors ? null : order.Select(s => Build(s, graph.Dependencies[s], resolved[s])).ToList();
    }

    private ValueSource? ResolveInput(StepGraph graph, RawStep step, string port, string text, YScalar node)
    {
        var path = step.Path + ".inputs." + port;
        var source = StepReference.Parse(text, out var malformed);
        switch (source)
        {
            case null:
                context.Error(node, path, malformed!);
                return null;
            case ParameterRef param when !parameters.Contains(param.Name):
                context.Error(node, path, $"refers to an undeclared workflow parameter '{param.Name}'{DidYouMean.Suffix(param.Name, parameters)}");
                return null;
            case StepOutputRef output:
                return ResolveOutput(graph, step, port, output, node, path);
            default:
                return source;
        }
    }

    private StepOutputRef? ResolveOutput(StepGraph graph, RawStep step, string port, StepOutputRef output, YScalar node, string path)
    {
        var producer = graph.Find(output.Step);
        if (producer is null || producer == step)
        {
            context.Error(node, path, producer is null
                ? $"unknown step '{output.Step}'{DidYouMean.Suffix(output.Step, graph.Names)}"
                : $"step '{step.Name}' cannot read its own output");
            return null;
        }

        if (producer.Type is not { } type)
        {
            return null;
        }

        if (type.FindOutput(output.Output) is null)
        {
            var names = type.Outputs.Select(o => o.Name).ToList();
            context.Error(node, path,
                $"{type.Name} step '{producer.Name}' has no output '{output.Output}'{DidYouMean.Suffix(output.Output, names)} (outputs: {string.Join(", ", names)})");
            return null;
        }

        var wantsDetections = port == "regions";
        if (wantsDetections != (output.Output == "detections"))
        {
            context.Error(node, path, wantsDetections
                ? $"input 'regions' needs a detections output (e.g. steps.{producer.Name}.detections), not '{output.Output}'"
                : $"input '{port}' needs an image, but '{output.Output}' is a detections JSON");
            return null;
        }

        var deps = graph.Dependencies[step];
        if (!deps.Contains(producer.Name))
        {
            if (producer.Index < step.Index || graph.IsAncestor(producer.Name, step))
            {
                deps.Add(producer.Name);
            }
            else
            {
                context.Error(node, path,
                    $"reads step '{producer.Name}', which does not run before '{step.Name}': list it earlier or add it to dependsOn");
                return null;
            }
        }

        if (OutputFlags.TryGetValue(output.Output, out var flag))
        {
            Enable(producer, flag, step);
        }

        return output;
    }

    private void Enable(RawStep producer, string flag, RawStep reader)
    {
        var current = producer.With.GetValueOrDefault(flag);
        if (current is false or ParameterRef)
        {
            context.Error(producer.WithNodes[flag], producer.Path + ".with." + flag,
                $"must be true: step '{reader.Name}' reads this step's output (leave it out and it is set automatically)");
            return;
        }

        producer.With[flag] = true;
    }

    private PipelineStep Build(RawStep step, List<string> deps, Dictionary<string, ValueSource> inputs)
    {
        var type = step.Type!;
        var orderedInputs = type.Inputs.Where(p => inputs.ContainsKey(p.Name)).ToDictionary(p => p.Name, p => inputs[p.Name], StringComparer.Ordinal);
        var orderedWith = type.Parameters.Where(p => step.With.ContainsKey(p.Name)).ToDictionary(p => p.Name, p => step.With[p.Name], StringComparer.Ordinal);
        return new PipelineStep(step.Name, type, deps, orderedInputs, orderedWith, step.Retry, step.TimeoutSeconds, step.Node.At(source));
    }
}
