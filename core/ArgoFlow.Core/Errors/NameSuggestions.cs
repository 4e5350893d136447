namespace ArgoFlow.Core.Errors;

/// <summary>
/// The closest known names to a misspelt one, for "did you mean" hints everywhere (commands and options, spec keys,
/// class names). Optimal string alignment distance, case-insensitive: insertions, deletions, substitutions and
/// swaps of two neighbours each cost 1, so the usual typos ("genrate", "persn") are one step away.
/// </summary>
public static class NameSuggestions
{
    /// <summary>Up to <paramref name="count"/> names within a third of the word's length (at least 2 edits), closest first.</summary>
    public static IReadOnlyList<string> Closest(string word, IEnumerable<string> candidates, int count)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(candidates);
        var allowed = Math.Max(2, word.Length / 3);
        return candidates
            .Select(c => (Name: c, Distance: Distance(word, c)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .Distinct(StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
