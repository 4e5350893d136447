namespace ArgoFlow.Agent.Plugins;

/// <summary>An executor plugin reached over HTTP (--plugin NAME=URL[,token-file]); the token is sent as a Bearer token.</summary>
public sealed record PluginEndpoint(string Name, Uri Url, string? TokenFile)
{
    /// <summary>Parses NAME=URL[,token-file]; returns null and the problem when the text is not that.</summary>
    public static (PluginEndpoint? Endpoint, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return (null, $"--plugin '{text}' must be NAME=URL[,token-file]");
        }

        var name = text[..eq].Trim();
        var rest = text[(eq + 1)..];
        var comma = rest.IndexOf(',', StringComparison.Ordinal);
        var url = (comma < 0 ? rest : rest[..comma]).Trim();
        var token = comma < 0 ? null : rest[(comma + 1)..].Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, $"--plugin {name}: '{url}' is not an http:// or https:// URL");
        }

        return (new PluginEndpoint(name, uri, string.IsNullOrEmpty(token) ? null : token), null);
    }
}
