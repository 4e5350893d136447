using System.Text.Json.Nodes;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Steps.Client;

/// <summary>
/// Turns text (a command-line value, a workflow parameter as Argo substituted it) into the typed value a catalogue
/// parameter takes, checking its range and choices. The text is read by <see cref="SubstitutedText"/>, the reader
/// the plugin sidecar and the services use too: lists are a JSON array or comma separated, boxes a JSON array of
/// objects or <c>x1,y1,x2,y2</c> joined by ';'.
/// </summary>
public static class StepValueParser
{
    public static object Parse(ParameterSpec parameter, string text, string where)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(text);
        var node = SubstitutedText.Read(parameter, text);
        object? value = node is null ? null : parameter.Kind switch
        {
            ParameterKind.Whole => node.GetValue<long>(),
            ParameterKind.Number => node.GetValue<double>(),
            ParameterKind.Boolean => node.GetValue<bool>(),
            ParameterKind.Choice => parameter.Choices.Contains(text, StringComparer.Ordinal) ? text : null,
            ParameterKind.TextList => node.AsArray().Select(n => n!.GetValue<string>()).ToList(),
            ParameterKind.BoxList => node.AsArray().Select(n => new BoxValue(
                Coordinate(n, "x1"), Coordinate(n, "y1"), Coordinate(n, "x2"), Coordinate(n, "y2"))).ToList(),
            _ => text,
        };

        if (value is null || !InRange(parameter, value))
        {
            throw new ArgoFlowException(
                ExitCode.InvalidInput, $"{where}: expected {parameter.Expected}, got '{text}'");
        }

        return value;
    }

    /// <summary>Every problem with a set of values: ranges were checked by <see cref="Parse"/>, this adds the combination rules.</summary>
    public static IReadOnlyList<ParameterProblem> CheckCombination(StepType type, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.CheckCombination(values).ToList();
    }

    private static bool InRange(ParameterSpec parameter, object value)
    {
        var number = value switch { long l => (double)l, double d => d, _ => (double?)null };
        return number is null || ((parameter.Min is null || number >= parameter.Min) && (parameter.Max is null || number <= parameter.Max));
    }

    private static double Coordinate(JsonNode? box, string field) => box![field]!.GetValue<double>();
}
