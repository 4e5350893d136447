using System.Globalization;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>Typed access to the YAML tree that records a diagnostic (and returns null) on every mismatch.</summary>
internal sealed class SpecReadContext(DiagnosticBag bag)
{
    public DiagnosticBag Bag { get; } = bag;

    public void Error(YNode? node, string path, string message) => Bag.Error(node, path, message);

    public YMapping? Mapping(YNode? node, string path, bool required = false, YNode? parent = null)
    {
        if (node is null || node is YScalar { IsNull: true })
        {
            if (required)
            {
                Error(node ?? parent, path, "is required");
            }

            return null;
        }

        if (node is YMapping mapping)
        {
            return mapping;
        }

        Error(node, path, $"expected a mapping, found {node.Describe()}");
        return null;
    }

    public YSequence? Sequence(YNode? node, string path)
    {
        if (node is null || node is YScalar { IsNull: true })
        {
            return null;
        }

        if (node is YSequence sequence)
        {
            return sequence;
        }

        Error(node, path, $"expected a list, found {node.Describe()}");
        return null;
    }

    /// <summary>A scalar's text; numbers and booleans are accepted as their written text.</summary>
    public string? Text(YNode? node, string path, bool required = false, YNode? parent = null)
    {
        if (node is null || node is YScalar { IsNull: true })
        {
            if (required)
            {
                Error(node ?? parent, path, "is required");
            }

            return null;
        }

        if (node is YScalar scalar)
        {
            return scalar.Value;
        }

        Error(node, path, $"expected a string, found {node.Describe()}");
        return null;
    }

    public int? Int(YNode? node, string path, int min, int max)
    {
        if (node is null || node is YScalar { IsNull: true })
        {
            return null;
        }

        if (node is YScalar { AsLong: { } value } && value >= min && value <= max)
        {
            return (int)value;
        }

        Error(node, path, FormattableString.Invariant($"expected an integer in {min}..{max}, found ") + Found(node));
        return null;
    }

    public double? Number(YNode? node, string path, double min, double max)
    {
        if (node is null || node is YScalar { IsNull: true })
        {
            return null;
        }

        if (node is YScalar { AsDouble: { } value } && value >= min && value <= max)
        {
            return value;
        }

        Error(node, path, FormattableString.Invariant($"expected a number in {min}..{max}, found ") + Found(node));
        return null;
    }

    /// <summary>Reports every key not in <paramref name="allowed"/>, with the closest allowed key.</summary>
    public void CheckKeys(YMapping mapping, string path, params string[] allowed)
    {
        foreach (var (key, _) in mapping.Entries)
        {
            if (Array.IndexOf(allowed, key.Value) < 0)
            {
                Error(key, Join(path, key.Value),
                    $"unknown field '{key.Value}'{DidYouMean.Suffix(key.Value, allowed)} (expected one of {string.Join(", ", allowed)})");
            }
        }
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public static string Found(YNode node) =>
        node is YScalar scalar && scalar.Value.Length <= 40 ? $"{node.Describe()} '{scalar.Value}'" : node.Describe();
}
