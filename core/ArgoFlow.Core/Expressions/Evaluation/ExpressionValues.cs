using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace ArgoFlow.Core.Expressions.Evaluation;

/// <summary>
/// Values as expr sees them and its runtime rules over them (vm/runtime): Go type names for messages, equality
/// across int and float64, list equality element by element, and JSON decoded as Go's encoding/json decodes into
/// an interface (every number a float64).
/// </summary>
public static class ExpressionValues
{
    /// <summary>The Go type expr would report for a value (<c>%T</c>).</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        bool => "bool",
        string => "string",
        double or float or decimal => "float64",
        _ when IsInteger(value) => "int",
        IDictionary => "map[string]interface {}",
        IList => "[]interface {}",
        _ => value.GetType().Name,
    };

    /// <summary>Decodes JSON text into null, bool, double, string, List and Dictionary values.</summary>
    public static object? FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        // Go keeps the last of duplicate keys; so does the indexer.
        _ => element.EnumerateObject().Aggregate(
            new Dictionary<string, object?>(StringComparer.Ordinal),
            (map, property) =>
            {
                map[property.Name] = FromJson(property.Value);
                return map;
            }),
    };

    public static bool IsInteger(object? value) =>
        value is long or int or short or sbyte or byte or ushort or uint or ulong;

    public static bool IsNumber(object? value) => IsInteger(value) || value is double or float or decimal;

    public static double ToDouble(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    public static long ToInt64(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>expr's <c>==</c> (runtime.Equal).</summary>
    public static bool Equal(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return IsInteger(a) && IsInteger(b) ? ToInt64(a!) == ToInt64(b!) : ToDouble(a!) == ToDouble(b!);
        }

        return (a, b) switch
        {
            (null, null) => true,
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (bool x, bool y) => x == y,
            (IDictionary x, IDictionary y) => DeepEqual(x, y),
            (IList x, IList y) => x.Count == y.Count && Enumerable.Range(0, x.Count).All(i => Equal(x[i], y[i])),
            _ => false,
        };
    }

    // Maps fall to Go's reflect.DeepEqual: an int and a float64 of the same value differ there.
    private static bool DeepEqual(object? a, object? b) => (a, b) switch
    {
        (IDictionary x, IDictionary y) => x.Count == y.Count && x.Keys.Cast<object>()
            .All(key => y.Contains(key) && DeepEqual(x[key], y[key])),
        (IList x, IList y) => x.Count == y.Count && Enumerable.Range(0, x.Count).All(i => DeepEqual(x[i], y[i])),
        _ when IsNumber(a) && IsNumber(b) => TypeName(a) == TypeName(b) && Equal(a, b),
        _ => Equal(a, b),
    };

    /// <summary>expr's ordering (runtime.Less and friends): numbers with numbers, strings with strings; else null.</summary>
    public static int? Compare(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return IsInteger(a) && IsInteger(b)
                ? ToInt64(a!).CompareTo(ToInt64(b!))
                : ToDouble(a!).CompareTo(ToDouble(b!));
        }

        return a is string x && b is string y ? Math.Sign(string.CompareOrdinal(x, y)) : null;
    }
}
