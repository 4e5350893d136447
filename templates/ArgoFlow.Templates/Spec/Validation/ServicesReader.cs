using System.Text.RegularExpressions;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>
/// Reads <c>spec.services</c>: a <c>default</c> entry and one per step type, each with <c>grpc: host:port</c> (or
/// <c>https://host:port</c> for TLS, <c>dns:///host:port</c>), <c>http: http://host:port</c>, and the pod count
/// (<c>replicas</c> or <c>autoscale</c>, <see cref="ScaleReader"/>). What is not given falls back to <c>default</c>,
/// then to the in-cluster Services the generator emits: gRPC clients get the headless
/// <c>argoflow-TYPE-headless.NAMESPACE.svc.cluster.local:9090</c> (its DNS name lists every ready pod, so the step
/// client spreads calls over them), the HTTP mode the ClusterIP <c>argoflow-TYPE.NAMESPACE.svc.cluster.local:8080</c>.
/// <c>pipeline</c> is the fused mode's Pipeline service, addressed the same way.
/// </summary>
internal static partial class ServicesReader
{
    public const string DefaultKey = "default";

    /// <summary>The fused mode's Pipeline service, addressed like a step type.</summary>
    public const string PipelineKey = "pipeline";

    /// <summary>Every key <c>spec.services</c> accepts besides <c>default</c>, in output order.</summary>
    public static IReadOnlyList<string> ServiceNames { get; } = [.. StepCatalog.All.Select(t => t.Name), PipelineKey];

    public static ServiceEndpoints Read(SpecReadContext context, YNode? node, string ns)
    {
        const string path = "spec.services";
        var keys = new[] { DefaultKey }.Concat(ServiceNames).ToArray();
        var mapping = context.Mapping(node, path);
        var given = new Dictionary<string, (string? Grpc, string? Http, ServiceScale? Scale)>(StringComparer.Ordinal);
        if (mapping is not null)
        {
            context.CheckKeys(mapping, path, keys);
            foreach (var (key, value) in mapping.Entries)
            {
                var entryPath = SpecReadContext.Join(path, key.Value);
                if (context.Mapping(value, entryPath) is { } entry)
                {
                    context.CheckKeys(entry, entryPath, "grpc", "http", "replicas", "autoscale");
                    given[key.Value] = (Grpc(context, entry["grpc"], entryPath + ".grpc"), Http(context, entry["http"], entryPath + ".http"),
                        ScaleReader.Read(context, entry, entryPath));
                }
            }
        }

        given.TryGetValue(DefaultKey, out var fallback);
        var result = new Dictionary<string, ServiceEndpoint>(StringComparer.Ordinal);
        foreach (var service in ServiceNames)
        {
            given.TryGetValue(service, out var own);
            result[service] = new ServiceEndpoint(
                own.Grpc ?? fallback.Grpc ?? $"{HeadlessHost(service, ns)}:{ServicePorts.Grpc}",
                own.Http ?? fallback.Http ?? $"http://{DefaultHost(service, ns)}:{ServicePorts.Http}",
                own.Scale ?? fallback.Scale);
        }

        return new ServiceEndpoints(result);
    }

    /// <summary>The in-cluster DNS name of the Service the generator emits for a step type.</summary>
    public static string DefaultHost(string stepType, string ns) => $"argoflow-{stepType}.{ns}.svc.cluster.local";

    /// <summary>The in-cluster DNS name of the headless Service beside it: one address per ready pod.</summary>
    public static string HeadlessHost(string stepType, string ns) => $"argoflow-{stepType}-headless.{ns}.svc.cluster.local";

    private static string? Grpc(SpecReadContext context, YNode? node, string path)
    {
        var text = context.Text(node, path);
        if (text is null)
        {
            return null;
        }

        // host:port is plain gRPC (h2c); https://host:port is gRPC over TLS; http://host:port says h2c explicitly;
        // dns:///host:port says the name is to be resolved to every address it has (the step client does so anyway).
        var address = text.StartsWith("https://", StringComparison.Ordinal) ? text["https://".Length..]
            : text.StartsWith("http://", StringComparison.Ordinal) ? text["http://".Length..]
            : text.StartsWith("dns:///", StringComparison.Ordinal) ? text["dns:///".Length..] : text;
        var match = HostPort().Match(address);
        if (match.Success && int.TryParse(match.Groups["port"].Value, out var port) && port is >= 1 and <= 65535)
        {
            return text;
        }

        context.Error(node, path, $"expected host:port, https://host:port for TLS or dns:///host:port (e.g. argoflow-resize-headless.argo.svc.cluster.local:{ServicePorts.Grpc}), found '{text}'");
        return null;
    }

    private static string? Http(SpecReadContext context, YNode? node, string path)
    {
        var text = context.Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" &&
            string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && !text.Contains(' ', StringComparison.Ordinal))
        {
            return text.TrimEnd('/');
        }

        context.Error(node, path, $"expected an http:// or https:// base URL (e.g. http://argoflow-resize.argo.svc.cluster.local:{ServicePorts.Http}), found '{text}'");
        return null;
    }

    [GeneratedRegex(@"^(?:[a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?|\[[0-9a-fA-F:.]+\]):(?<port>[0-9]{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPort();
}
