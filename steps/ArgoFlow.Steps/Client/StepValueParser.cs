using System.Globalization;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Steps.Client;

/// <summary>
/// Turns text (a command-line value, a workflow parameter) into the typed value a catalogue parameter takes,
/// checking its range and choices. Lists are comma separated; boxes are <c>x1,y1,x2,y2</c> joined by ';'.
/// </summary>
public static class StepValueParser
{
    public static object Parse(ParameterSpec parameter, string text, string where)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(text);
        var value = parameter.Kind switch
        {
            ParameterKind.Whole => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                ? l : (object?)null,
            ParameterKind.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                && double.IsFinite(d) ? d : null,
            ParameterKind.Boolean => text.ToUpperInvariant() switch { "TRUE" => true, "FALSE" => false, _ => null },
            ParameterKind.Choice => parameter.Choices.Contains(text, StringComparer.Ordinal) ? text : null,
            ParameterKind.TextList => SplitList(text),
            ParameterKind.BoxList => ParseBoxes(text),
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

    private static List<string> SplitList(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static List<BoxValue>? ParseBoxes(string text)
    {
        var boxes = new List<BoxValue>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var numbers = part.Split(',', StringSplitOptions.TrimEntries);
            var parsed = new double[4];
            if (numbers.Length != 4 || numbers.Where((n, i) =>
                    !double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[i])).Any())
            {
                return null;
            }

            boxes.Add(new BoxValue(parsed[0], parsed[1], parsed[2], parsed[3]));
        }

        return boxes;
    }
}
