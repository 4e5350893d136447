using System.Text;

namespace ArgoFlow.Core.Expressions;

/// <summary>
/// Turns a rune offset into expr's <c>message (line:column)</c> plus snippet form (expr's file.Error.Bind), so a
/// person sees the same text whether Argo or ArgoFlow rejected the expression.
/// </summary>
public static class ExpressionLocation
{
    /// <summary>1-based line and column (columns count runes, as expr does).</summary>
    public static (int Line, int Column) LineAndColumn(string source, int runeOffset)
    {
        var (line, column, _) = Locate(source, runeOffset);
        return (line, column + 1);
    }

    public static string Format(string reason, string source, int runeOffset)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (line, column, lineStart) = Locate(source, runeOffset);
        var lineEnd = source.IndexOf('\n', lineStart);
        if (lineEnd < 0)
        {
            lineEnd = source.Length;
        }

        if (lineStart == lineEnd)
        {
            return reason;
        }

        var text = new StringBuilder();
        text.Append(reason).Append(" (").Append(line).Append(':').Append(column + 1).Append(')');
        text.Append("\n | ").Append(source[lineStart..lineEnd].Replace('\t', ' '));
        text.Append("\n | ").Append('.', column).Append('^');
        return text.ToString();
    }

    private static (int Line, int Column, int LineStart) Locate(string source, int runeOffset)
    {
        int line = 1, column = 0, lineStart = 0, runes = 0, index = 0;
        while (index < source.Length && runes != runeOffset)
        {
            Rune.DecodeFromUtf16(source.AsSpan(index), out var rune, out var consumed);
            if (rune.Value == '\n')
            {
                lineStart = index + 1;
                line++;
                column = 0;
            }
            else
            {
                column++;
            }

            index += consumed;
            runes++;
        }

        return (line, column, lineStart);
    }
}
