using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>Reads the fields of one step (name, type, dependsOn, inputs, with, retry, timeoutSeconds).</summary>
internal static class StepReader
{
    private static readonly string[] Fields = ["name", "type", "dependsOn", "inputs", "with", "retry", "timeoutSeconds"];

    public static RawStep Read(
        SpecReadContext context, YMapping node, int index, RetryPolicy retry, int timeout, IReadOnlySet<string> parameters)
    {
        var step = new RawStep(index, node);
        var path = step.Path;
        context.CheckKeys(node, path, Fields);

        step.NameNode = node["name"];
        var name = context.Text(step.NameNode, path + ".name", required: true, parent: node);
        if (name is not null && Names.CheckStepName(name) is { } nameProblem)
        {
            context.Error(step.NameNode, path + ".name", nameProblem);
        }

        step.Name = name ?? string.Empty;
        step.Type = ReadType(context, node, path);
        step.DependsOnNode = node["dependsOn"];
        step.Retry = RetryReader.Read(context, node["retry"], path + ".retry", retry);
        step.TimeoutSeconds = context.Int(node["timeoutSeconds"], path + ".timeoutSeconds", 1, PipelineSpecReader.MaxTimeoutSeconds) ?? timeout;

        if (context.Mapping(node["inputs"], path + ".inputs") is { } inputs)
        {
            foreach (var (key, value) in inputs.Entries)
            {
                var inputPath = path + ".inputs." + key.Value;
                if (step.Type is { } type && type.FindInput(key.Value) is null)
                {
                    var ports = type.Inputs.Select(p => p.Name).ToList();
                    context.Error(key, inputPath,
                        $"{type.Name} has no input '{key.Value}'{DidYouMean.Suffix(key.Value, ports)} (inputs: {string.Join(", ", ports)})");
                }
                else if (value is YScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
                {
                    step.Inputs.Add((key.Value, scalar.Value.Trim(), scalar));
                }
                else
                {
                    context.Error(value, inputPath, "expected steps.STEP.OUTPUT, params.NAME or an image URI, found " + SpecReadContext.Found(value));
                }
            }
        }

        step.WithNode = node["with"];
        var with = context.Mapping(step.WithNode, path + ".with");
        if (step.Type is { } stepType)
        {
            if (with is not null)
            {
                ReadWith(context, step, with, stepType, parameters);
            }
            else if (step.WithNode is null or YScalar { IsNull: true })
            {
                CheckCombination(context, step, stepType, valid: true);
            }
        }

        return step;
    }

    private static StepType? ReadType(SpecReadContext context, YMapping node, string path)
    {
        var typeName = context.Text(node["type"], path + ".type", required: true, parent: node);
        if (typeName is null)
        {
            return null;
        }

        var type = StepCatalog.Find(typeName);
        if (type is null)
        {
            var names = StepCatalog.All.Select(t => t.Name).ToList();
            context.Error(node["type"], path + ".type",
                $"unknown step type '{typeName}'{DidYouMean.Suffix(typeName, names)} (expected one of {string.Join(", ", names)})");
        }

        return type;
    }

    private static void ReadWith(SpecReadContext context, RawStep step, YMapping with, StepType type, IReadOnlySet<string> parameters)
    {
        var path = step.Path + ".with";
        var valid = true;
        foreach (var (key, value) in with.Entries)
        {
            var parameter = type.FindParameter(key.Value);
            if (parameter is null)
            {
                var names = type.Parameters.Select(p => p.Name).ToList();
                context.Error(key, path + "." + key.Value,
                    $"{type.Name} has no parameter '{key.Value}'{DidYouMean.Suffix(key.Value, names)}");
                valid = false;
                continue;
            }

            var before = context.Bag.Count;
            step.With[key.Value] = ParameterValueReader.Read(context, parameter, value, path + "." + key.Value, parameters);
            step.WithNodes[key.Value] = value;
            valid &= context.Bag.Count == before;
        }

        CheckCombination(context, step, type, valid);
        CheckClassNames(context, step);
    }

    /// <summary>
    /// Detect's literal `classes` against the default model's labels (COCO, FastestDet), when the step uses the
    /// default model: an unknown name would silently find nothing. A step that names its `model` is checked by the
    /// service, which knows that model's labels.
    /// </summary>
    private static void CheckClassNames(SpecReadContext context, RawStep step)
    {
        foreach (var (parameter, classes) in step.With.Where(w => w.Key is "classes" or "regionClasses").Select(w => (w.Key, w.Value as List<string>)))
        {
            if (classes is null || step.With.ContainsKey("model"))
            {
                continue;
            }

            for (var i = 0; i < classes.Count; i++)
            {
                if (CocoLabels.All.Contains(classes[i], StringComparer.Ordinal))
                {
                    continue;
                }

                var near = ArgoFlow.Core.Errors.NameSuggestions.Closest(classes[i], CocoLabels.All, 3);
                context.Error(step.WithNodes.GetValueOrDefault(parameter) ?? step.Node, $"{step.Path}.with.{parameter}[{i}]",
                    $"'{classes[i]}' is not a class of the default model (FastestDet, the 80 COCO labels)" +
                    (near.Count > 0 ? $"; closest: {string.Join(", ", near)}" : string.Empty) +
                    "; name the step's model to use another model's labels");
            }
        }
    }

    internal static void CheckCombination(SpecReadContext context, RawStep step, StepType type, bool valid)
    {
        if (!valid)
        {
            return;
        }

        foreach (var problem in type.CheckCombination(step.With))
        {
            // A value taken from a workflow parameter is only known at run time; the service checks it then.
            if (step.With.GetValueOrDefault(problem.Parameter) is ParameterRef)
            {
                continue;
            }

            var node = step.WithNodes.GetValueOrDefault(problem.Parameter) ?? step.WithNode ?? step.Node;
            context.Error(node, step.Path + ".with." + problem.Parameter, problem.Message);
        }
    }
}
