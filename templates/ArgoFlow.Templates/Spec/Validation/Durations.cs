using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>
/// Go-style durations as Argo writes them (<c>500ms</c>, <c>2s</c>, <c>1m30s</c>); a bare number means seconds.
/// </summary>
internal static partial class Durations
{
    public static TimeSpan? Parse(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 && seconds < 1e7 ? TimeSpan.FromSeconds(seconds) : null;
        }

        var matches = Part().Matches(text);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Match match in matches)
        {
            var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            total += match.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
        }

        return total;
    }

    /// <summary>The shortest Go duration for a value: 1s, 500ms, 1m30s.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        var ms = (long)Math.Round(value.TotalMilliseconds);
        Append(builder, ms / 3_600_000, "h");
        Append(builder, ms / 60_000 % 60, "m");
        Append(builder, ms / 1000 % 60, "s");
        Append(builder, ms % 1000, "ms");
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, long amount, string unit)
    {
        if (amount > 0)
        {
            builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
