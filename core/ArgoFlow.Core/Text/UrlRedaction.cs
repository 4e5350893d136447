using System.Text.RegularExpressions;

namespace ArgoFlow.Core.Text;

/// <summary>
/// Removes the user information (<c>user:password@</c>) from every URL in a text before it is logged or returned:
/// an S3 endpoint given as <c>http://KEY:SECRET@host:9000</c> was printed at start-up, in a warning every 2 s and in
/// the UNAVAILABLE message every caller received.
/// </summary>
public static partial class UrlRedaction
{
    /// <summary>The text with each <c>scheme://userinfo@</c> turned into <c>scheme://***@</c>.</summary>
    public static string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? string.Empty : UserInfo().Replace(text, "${scheme}://***@");

    // Userinfo may hold anything but '/', '?', '#' and '@' themselves (RFC 3986, 3.2.1); whitespace ends a URL in prose.
    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://[^/?#@\s]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
