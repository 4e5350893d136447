using ArgoFlow.Core.Text;

namespace ArgoFlow.Services.Logging;

/// <summary>
/// Text from a request or a dependency made fit for one log line: user information in URLs redacted, and cut to
/// <see cref="MaxChars"/> (a request naming 200,000 unknown fields once wrote a 52 MB line).
/// </summary>
internal static class LogText
{
    public const int MaxChars = 2000;

    public static string Cap(string? text)
    {
        var redacted = UrlRedaction.Redact(text);
        return redacted.Length <= MaxChars ? redacted : $"{redacted[..MaxChars]}... ({redacted.Length - MaxChars} more characters)";
    }
}
