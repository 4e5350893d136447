using System.Text;

namespace ArgoFlow.Templates.Yaml;

/// <summary>
/// Go's YAML parser (gopkg.in/yaml, which Argo, kubectl and the API server use) accepts a multi-line double-quoted
/// scalar whose continuation lines are indented less than the block it sits in, e.g.
/// <c>args: ["</c> / <c>echo hi</c> / <c>"]</c> with the middle line at column 1; YamlDotNet follows the YAML spec
/// and refuses it ("found wrong indentation"). Argo's own examples are written that way, so the loader re-indents
/// such a scalar and parses again. Leading white space of a continuation line is never part of a double-quoted
/// scalar's value (YAML 1.2 §7.3.1 line folding), so the value is unchanged, and so are all line numbers.
/// </summary>
internal static class QuotedScalarIndent
{
    /// <summary>The YamlDotNet message this repairs (its scanner's wording).</summary>
    public const string ScannerMessage = "multi-line double-quoted scalar, found wrong indentation";

    /// <summary>
    /// <paramref name="text"/> with the continuation lines of the double-quoted scalar that starts at the 1-based
    /// <paramref name="line"/>/<paramref name="column"/> indented to that column; null when no quote starts there.
    /// </summary>
    public static string? Reindent(string text, int line, int column)
    {
        var start = Offset(text, line, column);
        if (start < 0 || start >= text.Length || text[start] != '"')
        {
            return null;
        }

        var pad = new string(' ', column);
        var result = new StringBuilder(text.Length + 256);
        result.Append(text, 0, start + 1);
        var i = start + 1;
        for (; i < text.Length && text[i] != '"'; i++)
        {
            result.Append(text[i]);
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                result.Append(text[++i]);
            }
            else if (text[i] == '\n')
            {
                result.Append(pad);
            }
        }

        return i >= text.Length ? null : result.Append(text, i, text.Length - i).ToString();
    }

    private static int Offset(string text, int line, int column)
    {
        var offset = 0;
        for (var l = 1; l < line; l++)
        {
            offset = text.IndexOf('\n', offset);
            if (offset < 0)
            {
                return -1;
            }

            offset++;
        }

        return offset + column - 1;
    }
}
