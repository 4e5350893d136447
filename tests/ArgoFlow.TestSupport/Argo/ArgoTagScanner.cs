namespace ArgoFlow.TestSupport.Argo;

/// <summary>
/// Finds <c>{{...}}</c> tags the way Argo's template engine does (util/template upstream, fasttemplate with the
/// "{{" and "}}" delimiters): a tag ends at the first "}}" after its "{{", so an expression holding "}}" would be
/// cut there. A tag whose text starts with '=' is an expression tag.
/// </summary>
public static class ArgoTagScanner
{
    /// <summary>Each tag's text between the delimiters and its start index in <paramref name="text"/>.</summary>
    public static IEnumerable<(string Tag, int Start, int Length)> Tags(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = 0;
        while ((at = text.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf("}}", at + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                yield break;
            }

            yield return (text[(at + 2)..end], at, end + 2 - at);
            at = end + 2;
        }
    }

    /// <summary>The expressions of the expression tags in <paramref name="text"/>.</summary>
    public static IEnumerable<string> Expressions(string text) =>
        Tags(text).Where(t => t.Tag.StartsWith('=')).Select(t => t.Tag[1..]);
}
