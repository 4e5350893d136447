using System.Globalization;
using System.Text.RegularExpressions;

namespace ArgoFlow.Templates.Yaml;

/// <summary>
/// A scalar. Plain (unquoted) scalars are typed by the YAML 1.2 core schema (null, bool, int, float); quoted ones
/// are always strings, so <c>"640"</c> stays text while <c>640</c> is a number.
/// </summary>
internal sealed partial class YScalar : YNode
{
    public YScalar(string value, bool plain, int line, int column)
        : base(line, column)
    {
        Value = value;
        IsPlain = plain;
    }

    public string Value { get; }

    public bool IsPlain { get; }

    public override long ExpandedSize => 1;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public bool? AsBool => !IsPlain ? null : Value switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    public long? AsLong
    {
        get
        {
            if (!IsPlain || !IntPattern().IsMatch(Value))
            {
                return null;
            }

            if (Value.StartsWith("0x", StringComparison.Ordinal))
            {
                return long.TryParse(Value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h) ? h : null;
            }

            if (Value.StartsWith("0o", StringComparison.Ordinal))
            {
                try
                {
                    return Convert.ToInt64(Value[2..], 8);
                }
                catch (OverflowException)
                {
                    return null;
                }
            }

            return long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : null;
        }
    }

    public double? AsDouble
    {
        get
        {
            if (AsLong is { } whole)
            {
                return whole;
            }

            if (!IsPlain || !FloatPattern().IsMatch(Value))
            {
                return null;
            }

            return Value.ToLowerInvariant() switch
            {
                ".inf" or "+.inf" => double.PositiveInfinity,
                "-.inf" => double.NegativeInfinity,
                ".nan" => double.NaN,
                _ => double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            };
        }
    }

    public override string Describe()
    {
        if (IsNull)
        {
            return "null";
        }

        if (AsBool is not null)
        {
            return "a boolean";
        }

        return AsDouble is not null ? "a number" : "a string";
    }

    [GeneratedRegex(@"^([-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
