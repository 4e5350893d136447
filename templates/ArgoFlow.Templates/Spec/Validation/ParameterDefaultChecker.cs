using ArgoFlow.Core.Catalog;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>
/// A <c>with:</c> value written as <c>params.NAME</c> reaches the step as the parameter's text (Argo substitutes
/// tags as text), which the receivers read as the field's catalogue type (<see cref="SubstitutedText"/>). The
/// parameter's default value is known when generating, so it is checked here the same way: readable as the type,
/// in range, one of the choices. A value given at submit time is checked by the receiver.
/// </summary>
internal static class ParameterDefaultChecker
{
    public static void Check(SpecReadContext context, IReadOnlyList<PipelineParameter> parameters, IReadOnlyList<RawStep> steps)
    {
        foreach (var step in steps.Where(s => s.Type is not null))
        {
            foreach (var (name, value) in step.With)
            {
                if (value is not ParameterRef reference ||
                    parameters.FirstOrDefault(p => p.Name == reference.Name)?.Value is not { } text ||
                    step.Type!.FindParameter(name) is not { } parameter ||
                    Readable(parameter, text))
                {
                    continue;
                }

                context.Error(step.WithNodes.GetValueOrDefault(name), $"{step.Path}.with.{name}",
                    $"reads params.{reference.Name}, whose value '{text}' is not {parameter.Expected}: Argo passes it as text and " +
                    $"the step reads it as {parameter.Expected}" + Example(parameter.Kind));
            }
        }
    }

    private static bool Readable(ParameterSpec parameter, string text)
    {
        var node = SubstitutedText.Read(parameter, text);
        if (node is null)
        {
            return false;
        }

        if (parameter.Kind == ParameterKind.Choice)
        {
            return parameter.Choices.Contains(text, StringComparer.Ordinal);
        }

        if (parameter.Kind is not (ParameterKind.Whole or ParameterKind.Number))
        {
            return true;
        }

        var number = node.AsValue().TryGetValue<long>(out var whole) ? whole : node.GetValue<double>();
        return (parameter.Min is null || number >= parameter.Min) && (parameter.Max is null || number <= parameter.Max);
    }

    private static string Example(ParameterKind kind) => kind switch
    {
        ParameterKind.TextList => " (write [\"person\", \"car\"] or person,car)",
        ParameterKind.BoxList => " (write [{\"x1\": 0, \"y1\": 0, \"x2\": 10, \"y2\": 10}] or 0,0,10,10)",
        ParameterKind.Boolean => " (write true or false)",
        _ => string.Empty,
    };
}
