using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace ArgoFlow.Agent.Http;

/// <summary>
/// Words request failures the way Go's http client does (<c>Post "URL": context deadline exceeded</c>), because
/// Argo's agent puts that error text in the node's message and users match on it.
/// </summary>
internal static class GoHttpErrors
{
    public const string DeadlineExceeded = "context deadline exceeded";

    /// <summary>Go's url.Error prefix: the method with only its first letter upper case, and the URL without a password.</summary>
    public static string Prefix(string method, string url) => $"{Op(method)} \"{StripPassword(url)}\"";

    public static string Describe(HttpRequestException ex, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ArgumentNullException.ThrowIfNull(uri);
        return ex.InnerException switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
                $"dial tcp {uri.Host}:{uri.Port}: connect: connection refused",
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } =>
                $"dial tcp: lookup {uri.Host}: no such host",
            AuthenticationException tls => $"tls: failed to verify certificate: {tls.Message}",
            { } inner => $"{ex.Message} ({inner.Message})",
            _ => ex.Message,
        };
    }

    /// <summary>Go's textproto.CanonicalMIMEHeaderKey: <c>content-type</c> -> <c>Content-Type</c>.</summary>
    public static string CanonicalHeaderKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Any(c => c is ' ' or ':' || c > 127))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            builder.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upper = c == '-';
        }

        return builder.ToString();
    }

    private static string Op(string method) =>
        method.Length == 0 ? "Get" : char.ToUpperInvariant(method[0]) + method[1..].ToLowerInvariant();

    private static string StripPassword(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            return url;
        }

        var user = uri.UserInfo[..uri.UserInfo.IndexOf(':', StringComparison.Ordinal)];
        return url.Replace(uri.UserInfo + "@", user + ":***@", StringComparison.Ordinal);
    }
}
