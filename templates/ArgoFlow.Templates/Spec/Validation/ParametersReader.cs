using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>
/// Reads <c>spec.parameters</c>: the workflow's arguments, each <c>{name, value, description}</c>. The image URI
/// parameter <c>input</c> is required (every step reads its image from it unless told otherwise); a parameter
/// without a value must be given when the workflow is submitted.
/// </summary>
internal static class ParametersReader
{
    public const string InputParameter = "input";

    public static IReadOnlyList<PipelineParameter> Read(SpecReadContext context, YNode? node, YMapping spec)
    {
        const string path = "spec.parameters";
        var result = new List<PipelineParameter>();
        var sequence = context.Sequence(node, path);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; sequence is not null && i < sequence.Items.Count; i++)
        {
            var itemPath = SpecReadContext.Index(path, i);
            if (context.Mapping(sequence.Items[i], itemPath, required: true, parent: sequence) is not { } item)
            {
                continue;
            }

            context.CheckKeys(item, itemPath, "name", "value", "description");
            var name = context.Text(item["name"], itemPath + ".name", required: true, parent: item);
            var value = context.Text(item["value"], itemPath + ".value");
            var description = context.Text(item["description"], itemPath + ".description");
            if (name is null)
            {
                continue;
            }

            if (Names.CheckParameterName(name) is { } problem)
            {
                context.Error(item["name"], itemPath + ".name", problem);
            }
            else if (seen.TryGetValue(name, out var line))
            {
                context.Error(item["name"], itemPath + ".name", $"duplicate parameter '{name}' (first declared at line {line})");
            }
            else
            {
                seen[name] = item.Line;
                result.Add(new PipelineParameter(name, value, description));
            }
        }

        if (!seen.ContainsKey(InputParameter) && !context.Bag.HasErrors)
        {
            context.Error(node ?? spec, path, $"must declare the '{InputParameter}' parameter (the image URI the first step reads)");
        }

        return result;
    }
}
