using System.Globalization;
using System.Text;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// A unified diff (<c>diff -u</c> style, 3 lines of context) of two texts, computed with Myers' O((N+M)D)
/// algorithm so large generated files with few changes diff quickly.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Empty when the texts are equal.</summary>
    public static string Create(string oldText, string newText, string oldName, string newName)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var a = Lines(oldText);
        var b = Lines(newText);
        var edits = Edits(a, b);
        var output = new StringBuilder();
        output.Append("--- ").Append(oldName).Append('\n').Append("+++ ").Append(newName).Append('\n');
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            while (end < edits.Count)
            {
                var nextChange = edits.FindIndex(end, e => e.Kind != ' ');
                if (nextChange < 0 || nextChange - end > 2 * Context)
                {
                    break;
                }

                end = nextChange + 1;
                while (end < edits.Count && edits[end].Kind != ' ')
                {
                    end++;
                }
            }

            end = Math.Min(edits.Count, end + Context);
            AppendHunk(output, edits, start, end);
            i = end;
        }

        return output.ToString();
    }

    private static void AppendHunk(StringBuilder output, List<(char Kind, string Line, int OldIndex, int NewIndex)> edits, int start, int end)
    {
        var hunk = edits.GetRange(start, end - start);
        var oldCount = hunk.Count(e => e.Kind != '+');
        var newCount = hunk.Count(e => e.Kind != '-');
        var oldStart = oldCount == 0 ? hunk[0].OldIndex : hunk.First(e => e.Kind != '+').OldIndex + 1;
        var newStart = newCount == 0 ? hunk[0].NewIndex : hunk.First(e => e.Kind != '-').NewIndex + 1;
        output.Append(CultureInfo.InvariantCulture, $"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
        foreach (var edit in hunk)
        {
            output.Append(edit.Kind).Append(edit.Line).Append('\n');
        }
    }

    private static string[] Lines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    /// <summary>The edit script: ' ' kept, '-' only in a, '+' only in b, with each line's 0-based indexes.</summary>
    private static List<(char Kind, string Line, int OldIndex, int NewIndex)> Edits(string[] a, string[] b)
    {
        var n = a.Length;
        var m = b.Length;
        var max = n + m;
        var v = new int[(2 * max) + 2];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && string.Equals(a[x], b[y], StringComparison.Ordinal))
                {
                    x++;
                    y++;
                }

                v[max + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, a, b, max, d);
                }
            }
        }

        throw new InvalidOperationException("diff did not converge");
    }

    private static List<(char, string, int, int)> Backtrack(List<int[]> trace, string[] a, string[] b, int max, int depth)
    {
        var result = new List<(char, string, int, int)>();
        int x = a.Length, y = b.Length;
        for (var d = depth; d > 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var prevK = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? k + 1 : k - 1;
            var prevX = v[max + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
            {
                result.Add((' ', a[x - 1], x - 1, y - 1));
                x--;
                y--;
            }

            if (x == prevX)
            {
                result.Add(('+', b[y - 1], x, y - 1));
                y--;
            }
            else
            {
                result.Add(('-', a[x - 1], x - 1, y));
                x--;
            }
        }

        while (x > 0 && y > 0)
        {
            result.Add((' ', a[x - 1], x - 1, y - 1));
            x--;
            y--;
        }

        result.Reverse();
        return result;
    }
}
