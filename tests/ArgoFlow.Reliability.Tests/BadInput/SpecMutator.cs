using System.Text;

namespace ArgoFlow.Reliability.Tests.BadInput;

/// <summary>
/// Random, reproducible edits of a valid spec: characters YAML gives meaning to inserted, ranges deleted, lines
/// duplicated, swapped, re-indented or cut, scalars replaced by huge or odd values.
/// </summary>
internal sealed class SpecMutator(int seed)
{
    private const string Special = ":-[]{}&*!|>'\"%@`#,?\t\n \\\0\u00e9\ufeff";
    private static readonly string[] OddScalars =
        ["", "~", "null", "-1", "1e999", "0x7fffffff", "99999999999999999999", "true", "[]", "{}", "*a", "&a x", "!!binary AAAA", "'", "\"\\u0000\""];

    private readonly Random _random = new(seed);

    public string Mutate(string text)
    {
        var edits = 1 + _random.Next(4);
        for (var i = 0; i < edits; i++)
        {
            text = _random.Next(7) switch
            {
                0 => Insert(text),
                1 => Delete(text),
                2 => DuplicateLine(text),
                3 => SwapLines(text),
                4 => Reindent(text),
                5 => ReplaceScalar(text),
                _ => text[.._random.Next(text.Length + 1)],
            };
        }

        return text;
    }

    private string Insert(string text) => text.Insert(_random.Next(text.Length + 1), Special[_random.Next(Special.Length)].ToString());

    private string Delete(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = _random.Next(text.Length);
        return text.Remove(start, Math.Min(text.Length - start, 1 + _random.Next(20)));
    }

    private string DuplicateLine(string text)
    {
        var lines = text.Split('\n').ToList();
        var i = _random.Next(lines.Count);
        lines.Insert(i, lines[i]);
        return string.Join('\n', lines);
    }

    private string SwapLines(string text)
    {
        var lines = text.Split('\n');
        var (a, b) = (_random.Next(lines.Length), _random.Next(lines.Length));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    private string Reindent(string text)
    {
        var lines = text.Split('\n');
        var i = _random.Next(lines.Length);
        lines[i] = new string(' ', _random.Next(12)) + lines[i].TrimStart();
        return string.Join('\n', lines);
    }

    private string ReplaceScalar(string text)
    {
        var lines = text.Split('\n');
        var i = _random.Next(lines.Length);
        var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return text;
        }

        var value = _random.Next(5) == 0 ? new string('9', 5000) : OddScalars[_random.Next(OddScalars.Length)];
        lines[i] = new StringBuilder(lines[i][..(colon + 2)]).Append(value).ToString();
        return string.Join('\n', lines);
    }
}
