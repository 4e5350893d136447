using System.Text.RegularExpressions;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client.Balancing;

namespace ArgoFlow.Steps.Plugin;

/// <summary>
/// The gRPC endpoints the sidecar may dial. A template names its endpoint, and without a list a workflow author
/// could make the sidecar open connections to anything the agent pod reaches. Patterns are <c>HOST:PORT</c> where
/// <c>*</c> stands for any run of characters other than ':' (so <c>argoflow-*.svc.cluster.local:*</c> covers the
/// generated Services in every namespace), an optional http:// or https:// is ignored, and hosts compare without case.
/// </summary>
public sealed class EndpointAllowList
{
    /// <summary>
    /// Without <c>--allow-endpoint</c>: the in-cluster names `argoflow generate` gives its Services
    /// (argoflow-TYPE.NAMESPACE.svc.cluster.local) and the pod's own loopback (services started beside the sidecar).
    /// </summary>
    public static IReadOnlyList<string> Defaults { get; } = ["argoflow-*.svc.cluster.local:*", "127.0.0.1:*", "localhost:*", "[::1]:*"];

    private readonly List<(string Pattern, Regex Match)> patterns;

    public EndpointAllowList(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        this.patterns = patterns.Select(p => (p, Compile(p))).ToList();
    }

    public IReadOnlyList<string> Patterns => patterns.Select(p => p.Pattern).ToList();

    /// <summary>
    /// Null when <paramref name="endpoint"/> (already a valid service address) may be dialled, else why not. Each
    /// endpoint of the target is checked (a static set of replicas may not smuggle in one that is not allowed); the
    /// endpoints, not the channel address, are compared, since a channel address names a resolver
    /// (<c>dns:///</c>, <c>static:///</c>) and has no host of its own.
    /// </summary>
    public string? Refusal(string endpoint)
    {
        var target = ServiceTarget.Parse(endpoint);
        return target.Endpoints.Select(HostPort).All(hostPort => patterns.Any(p => p.Match.IsMatch(hostPort)))
            ? null
            : $"plugin.argoflow.endpoint '{endpoint}' is not allowed by this sidecar (it may call {string.Join(", ", Patterns)}); " +
              "add it with `argoflow plugin serve --allow-endpoint`";
    }

    // IPv6 hosts in brackets, so "[::1]:9090" compares as written.
    private static string HostPort(System.Net.DnsEndPoint e) =>
        (e.Host.Contains(':', StringComparison.Ordinal) ? $"[{e.Host}]:{e.Port}" : $"{e.Host}:{e.Port}").ToLowerInvariant();

    /// <summary>Checks a pattern's form, for the command line: usage error naming the pattern.</summary>
    public static void Validate(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var text = Strip(pattern);
        if (text.Length == 0 || text.Contains('/', StringComparison.Ordinal) || text.Any(char.IsWhiteSpace))
        {
            throw new ArgoFlowException(ExitCode.Usage, $"--allow-endpoint '{pattern}' is not a HOST:PORT pattern",
                "e.g. argoflow-resize.argo.svc.cluster.local:9090, argoflow-*.svc.cluster.local:*, or * for any");
        }
    }

    private static string Strip(string pattern)
    {
        var text = pattern.Trim();
        foreach (var scheme in new[] { "http://", "https://" })
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                text = text[scheme.Length..];
            }
        }

        return text.TrimEnd('/').ToLowerInvariant();
    }

    private static Regex Compile(string pattern)
    {
        var text = Strip(pattern);
        if (text == "*")
        {
            return new Regex("^.*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        // A pattern without a port ("*" or "host") allows any port.
        if (!text.Contains(':', StringComparison.Ordinal) || text.EndsWith(']'))
        {
            text += ":*";
        }

        var body = string.Join("[^:]*", text.Split('*').Select(Regex.Escape));
        return new Regex($"^{body}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
