using YamlDotNet.Core;

namespace ArgoFlow.Templates.Yaml;

/// <summary>
/// Where a YAML syntax error really is. YamlDotNet reports a tab in the indentation at the start of the enclosing
/// mapping (often 1:1) and an unclosed '{' or '[' at the end of the file; a person needs the tab's line and
/// column, and the bracket that was never closed.
/// </summary>
public static class YamlErrorPosition
{
    /// <summary>The line, column (1-based) and message to report for <paramref name="ex"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column, string Message) Locate(string text, YamlException? ex, string message)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentTab(text) is { } tab)
        {
            return (tab.Line, tab.Column, "a tab in the indentation: YAML indents with spaces only");
        }

        if ((ex is null || message.Contains("flow", StringComparison.OrdinalIgnoreCase)) && FirstUnclosed(text) is { } open)
        {
            return (open.Line, open.Column, $"'{open.Bracket}' is never closed (expected '{(open.Bracket == '{' ? '}' : ']')}')");
        }

        return ex is null ? (text.Split('\n').Length, 1, message) : ((int)ex.Start.Line, (int)ex.Start.Column, message);
    }

    private static (int Line, int Column)? FirstIndentTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            for (var c = 0; c < line.Length && line[c] is ' ' or '\t'; c++)
            {
                if (line[c] == '\t' && line.Trim().Length > 0)
                {
                    return (i + 1, c + 1);
                }
            }
        }

        return null;
    }

    /// <summary>The outermost '{' or '[' with no partner, skipping quoted strings and comments.</summary>
    private static (int Line, int Column, char Bracket)? FirstUnclosed(string text)
    {
        var open = new Stack<(int Line, int Column, char Bracket)>();
        var (line, column) = (1, 0);
        char? quote = null;
        var previous = '\n';
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            (line, column) = ch == '\n' ? (line + 1, 0) : (line, column + 1);
            if (quote is not null)
            {
                quote = ch == quote && !(quote == '"' && i > 0 && text[i - 1] == '\\') ? null : quote;
            }
            else if (ch == '#' && char.IsWhiteSpace(previous))
            {
                while (i + 1 < text.Length && text[i + 1] != '\n')
                {
                    i++;
                }
            }
            else if (ch is '"' or '\'' && (char.IsWhiteSpace(previous) || previous is '[' or '{' or ',' or ':'))
            {
                quote = ch;
            }
            else if (ch is '{' or '[')
            {
                open.Push((line, column, ch));
            }
            else if (ch is '}' or ']' && open.Count > 0)
            {
                open.Pop();
            }

            previous = ch;
        }

        return open.Count > 0 ? open.Last() : null;
    }
}
