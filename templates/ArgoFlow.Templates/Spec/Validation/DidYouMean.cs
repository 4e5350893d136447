namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>Suggests the closest known word for a misspelt one, by edit distance.</summary>
internal static class DidYouMean
{
    /// <summary>"; did you mean 'width'?" or an empty string when nothing is close.</summary>
    public static string Suffix(string word, IEnumerable<string> candidates)
    {
        var best = Closest(word, candidates);
        return best is null ? string.Empty : $"; did you mean '{best}'?";
    }

    public static string? Closest(string word, IEnumerable<string> candidates) =>
        ArgoFlow.Core.Errors.NameSuggestions.Closest(word, candidates, 1) is [var best] ? best : null;
}
