using System.Globalization;

namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>
/// expr's number literals: underscores dropped, then 0x/0o/0b integers, anything with '.' or 'e' a float64, the
/// rest a decimal int - parsed as Go's strconv would, with its error wording.
/// </summary>
internal static class NumberLiteral
{
    public static ExprNode? Parse(string text, int position)
    {
        var value = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var lower = value.ToLowerInvariant();
        if (lower.StartsWith("0x", StringComparison.Ordinal))
        {
            return Integer(value[2..], 16, position);
        }

        if (lower.Contains('.', StringComparison.Ordinal) || lower.Contains('e', StringComparison.Ordinal))
        {
            return double.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                    CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number)
                ? new FloatNode(number, position)
                : null;
        }

        return lower.StartsWith("0b", StringComparison.Ordinal) ? Integer(value[2..], 2, position)
            : lower.StartsWith("0o", StringComparison.Ordinal) ? Integer(value[2..], 8, position)
            : Integer(value, 10, position);
    }

    /// <summary>The message for a literal <see cref="Parse"/> rejected, worded like expr's.</summary>
    public static string Problem(string text)
    {
        var value = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var lower = value.ToLowerInvariant();
        var (kind, function) = lower switch
        {
            _ when lower.StartsWith("0x", StringComparison.Ordinal) => ("hex", "ParseInt"),
            _ when lower.Contains('.', StringComparison.Ordinal) || lower.Contains('e', StringComparison.Ordinal) =>
                ("float", "ParseFloat"),
            _ when lower.StartsWith("0b", StringComparison.Ordinal) => ("binary", "ParseInt"),
            _ when lower.StartsWith("0o", StringComparison.Ordinal) => ("octal", "ParseInt"),
            _ => ("integer", "ParseInt"),
        };
        var reason = IsSyntacticallyValid(lower, kind) ? "value out of range" : "invalid syntax";
        return $"invalid {kind} literal: strconv.{function}: parsing {Token.GoQuote(value)}: {reason}";
    }

    private static bool IsSyntacticallyValid(string lower, string kind) => kind switch
    {
        "float" => double.TryParse(lower, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out _),
        "integer" => lower.Length > 0,
        _ => lower.Length > 2,
    };

    private static IntegerNode? Integer(string digits, int radix, int position)
    {
        if (digits.Length == 0)
        {
            return null;
        }

        ulong value = 0;
        foreach (var c in digits)
        {
            var digit = (ulong)ExpressionLexer.DigitValue(c);
            if (digit >= (ulong)radix || value > (ulong.MaxValue - digit) / (ulong)radix)
            {
                return null;
            }

            value = (value * (ulong)radix) + digit;
        }

        return value > long.MaxValue ? null : new IntegerNode((long)value, position);
    }
}
