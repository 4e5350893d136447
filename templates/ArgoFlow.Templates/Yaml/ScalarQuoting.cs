using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace ArgoFlow.Templates.Yaml;

/// <summary>
/// Decides which strings must be quoted so every YAML reader (Kubernetes' YAML 1.1-flavoured one included) reads
/// them back as strings: null/bool words of YAML 1.1 and 1.2 (<c>on</c>, <c>yes</c>, <c>~</c>...), numbers in any
/// notation (<c>123</c>, <c>1e3</c>, <c>0x1F</c>, <c>0o17</c>, <c>1_000</c>, <c>1:30</c>, <c>.inf</c>), and dates.
/// Without this, an argument value <c>"true"</c> would reach Argo as a boolean and fail its schema.
/// </summary>
internal static partial class ScalarQuoting
{
    /// <summary>
    /// The style of a string scalar: double quotes when a reader would take it for another type, a literal block
    /// for multi-line text (readable embedded YAML), plain otherwise (the emitter itself quotes what cannot be
    /// plain, such as a leading '{').
    /// </summary>
    public static ScalarStyle StyleFor(string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal) && !text.Contains('\r', StringComparison.Ordinal) &&
            !text.Contains('\t', StringComparison.Ordinal) && !text.Split('\n').Any(line => line.EndsWith(' ')))
        {
            return ScalarStyle.Literal;
        }

        return NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
    }

    public static bool NeedsQuotes(string value) =>
        value.Length == 0 || value != value.Trim() || Ambiguous().IsMatch(value);

    [GeneratedRegex(
        @"^(?:~|null|Null|NULL" +
        @"|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF" +
        @"|[-+]?(?:0|[1-9][0-9_]*)" +
        @"|[-+]?0[0-7_]+|0o[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+" +
        @"|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)" +
        @"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?" +
        @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)" +
        @"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?" +
        @"|=|<<)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Ambiguous();
}
