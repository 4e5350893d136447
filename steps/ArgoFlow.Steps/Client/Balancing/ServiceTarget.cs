using System.Globalization;
using System.Net;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Steps.Client.Balancing;

/// <summary>
/// A service address as the step client understands it, parsed once: one or more endpoints and whether they speak
/// TLS. Forms: <c>host:port</c> / <c>http://host:port</c> (h2c), <c>https://host:port</c> (TLS),
/// <c>dns:///host:port</c> (h2c, explicit DNS), or a comma-separated list of the first three (a static set of
/// replicas, e.g. <c>--services 127.0.0.1:9091,127.0.0.1:9092</c>). A single host name is resolved through DNS to
/// every address it has, which is how a headless Service's name reaches every pod behind it.
/// </summary>
public sealed class ServiceTarget
{
    private ServiceTarget(string text, bool secure, string? dnsHost, IReadOnlyList<DnsEndPoint> endpoints)
    {
        Text = text;
        Secure = secure;
        DnsHost = dnsHost;
        Endpoints = endpoints;
    }

    /// <summary>The target as given.</summary>
    public string Text { get; }

    /// <summary>gRPC over TLS (<c>https://</c>).</summary>
    public bool Secure { get; }

    /// <summary>The name the DNS resolver looks up (and re-looks up), or null for a static set of endpoints.</summary>
    public string? DnsHost { get; }

    /// <summary>The endpoints: the static set, or for DNS the one name and port.</summary>
    public IReadOnlyList<DnsEndPoint> Endpoints { get; }

    /// <summary>The address a <see cref="Grpc.Net.Client.GrpcChannel"/> is created for: its scheme picks the resolver.</summary>
    public Uri ChannelAddress => DnsHost is null
        ? new Uri("static:///replicas")
        : new Uri($"dns:///{DnsHost}:{Endpoints[0].Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Parses a target, or throws a usage error that says which part is wrong.</summary>
    public static ServiceTarget Parse(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var parts = target.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > 1)
        {
            var parsed = parts.Select(p => p.StartsWith("dns:", StringComparison.Ordinal) ? throw Bad(target, p) : One(target, p, whole: false)).ToList();
            if (parsed.Select(p => p.Secure).Distinct().Count() > 1)
            {
                throw new ArgoFlowException(ExitCode.Usage, $"'{target}' mixes https:// and plain addresses",
                    "every replica of a service speaks the same protocol: give all as https://HOST:PORT or none");
            }

            return new ServiceTarget(target, parsed[0].Secure, null, [.. parsed.Select(p => p.Endpoint)]);
        }

        if (target.StartsWith("dns:///", StringComparison.Ordinal))
        {
            var inner = target["dns:///".Length..];
            var (_, endpoint) = inner.Contains("://", StringComparison.Ordinal) ? throw Bad(target, target) : One(target, inner, whole: true);
            return new ServiceTarget(target, false, endpoint.Host, [endpoint]);
        }

        var (secure, single) = One(target, target, whole: true);
        // An IP literal has nothing to resolve; a name may stand for many pods (a headless Service).
        return IPAddress.TryParse(single.Host, out _)
            ? new ServiceTarget(target, secure, null, [single])
            : new ServiceTarget(target, secure, single.Host, [single]);
    }

    public override string ToString() => Text;

    private static (bool Secure, DnsEndPoint Endpoint) One(string target, string part, bool whole)
    {
        var text = part.Contains("://", StringComparison.Ordinal) ? part : "http://" + part;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") ||
            string.IsNullOrEmpty(uri.Host) || (uri.IsDefaultPort && !part.Contains("://", StringComparison.Ordinal)) ||
            uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw Bad(target, whole ? target : part);
        }

        return (uri.Scheme == "https", new DnsEndPoint(uri.DnsSafeHost, uri.Port));
    }

    private static ArgoFlowException Bad(string target, string part) => new(
        ExitCode.Usage,
        part == target ? $"'{target}' is not a service address" : $"'{part}' in '{target}' is not a service address",
        "give HOST:PORT (e.g. 127.0.0.1:9090), several as HOST:PORT,HOST:PORT, or dns:///NAME:PORT for every address of a DNS name");
}
