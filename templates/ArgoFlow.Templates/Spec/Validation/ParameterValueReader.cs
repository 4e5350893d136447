using System.Text.RegularExpressions;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>
/// Converts one <c>with:</c> value to the type its catalogue entry names (long, double, bool, string, string list,
/// box list), checking ranges and choices. A scalar <c>params.NAME</c> is a reference to a workflow parameter
/// instead; its value is only known when the workflow runs, so the service checks its type then.
/// </summary>
internal static partial class ParameterValueReader
{
    public static object? Read(
        SpecReadContext context, ParameterSpec spec, YNode node, string path, IReadOnlySet<string> parameters)
    {
        if (node is YScalar reference && ParamRef().Match(reference.Value) is { Success: true } match)
        {
            var name = match.Groups[1].Value;
            if (!parameters.Contains(name))
            {
                context.Error(node, path,
                    $"refers to an undeclared workflow parameter '{name}'{DidYouMean.Suffix(name, parameters)}");
            }

            return new ParameterRef(name);
        }

        if (node is YScalar { IsNull: true })
        {
            context.Error(node, path, $"expected {spec.Expected}, found null (leave the parameter out to use the default)");
            return null;
        }

        var value = Convert(spec, node);
        if (value is null)
        {
            context.Error(node, path, $"expected {spec.Expected}, found {SpecReadContext.Found(node)}");
        }

        return value;
    }

    private static object? Convert(ParameterSpec spec, YNode node) => spec.Kind switch
    {
        ParameterKind.Whole => node is YScalar { AsLong: { } l } && InRange(spec, l) ? l : null,
        ParameterKind.Number => node is YScalar { AsDouble: { } d } && double.IsFinite(d) && InRange(spec, d) ? d : null,
        ParameterKind.Boolean => node is YScalar { AsBool: { } b } ? b : null,
        ParameterKind.Choice => node is YScalar c && spec.Choices.Contains(c.Value, StringComparer.Ordinal) ? c.Value : null,
        ParameterKind.Text => node is YScalar text ? text.Value : null,
        ParameterKind.TextList => TextList(node),
        ParameterKind.BoxList => BoxList(node),
        _ => null,
    };

    private static bool InRange(ParameterSpec spec, double value) =>
        (spec.Min is not { } min || value >= min) && (spec.Max is not { } max || value <= max);

    private static List<string>? TextList(YNode node)
    {
        if (node is not YSequence sequence)
        {
            return null;
        }

        var list = new List<string>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (item is not YScalar { IsNull: false } scalar || scalar.Value.Length == 0)
            {
                return null;
            }

            list.Add(scalar.Value);
        }

        return list;
    }

    private static List<BoxValue>? BoxList(YNode node)
    {
        if (node is not YSequence sequence)
        {
            return null;
        }

        var list = new List<BoxValue>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (item is not YMapping box || box.Entries.Count != 4 ||
                Coordinate(box, "x1") is not { } x1 || Coordinate(box, "y1") is not { } y1 ||
                Coordinate(box, "x2") is not { } x2 || Coordinate(box, "y2") is not { } y2 || x2 <= x1 || y2 <= y1)
            {
                return null;
            }

            list.Add(new BoxValue(x1, y1, x2, y2));
        }

        return list;
    }

    private static double? Coordinate(YMapping box, string key) =>
        box[key] is YScalar { AsDouble: { } v } && double.IsFinite(v) && v >= 0 ? v : null;

    [GeneratedRegex("^params\\.([a-zA-Z0-9_][-a-zA-Z0-9_]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ParamRef();
}
