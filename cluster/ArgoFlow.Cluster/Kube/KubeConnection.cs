using k8s;

namespace ArgoFlow.Cluster.Kube;

/// <summary>
/// An authenticated route to one API server: KubernetesClient builds the HTTP pipeline (TLS, client certificates,
/// token files, exec plugins), and <see cref="KubeApiClient"/> sends the requests through it.
/// </summary>
public sealed class KubeConnection : IDisposable
{
    private readonly Kubernetes _kubernetes;

    public KubeConnection(KubernetesClientConfiguration configuration, string? namespaceOverride = null, KubeConnectionOptions? timeouts = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        RequestTimeout = timeouts?.RequestTimeout ?? KubeConnectionOptions.DefaultRequestTimeout;
        WatchIdleTimeout = timeouts?.WatchIdleTimeout ?? TimeSpan.FromMinutes(5);
        // KubeApiClient bounds each request itself (RequestTimeout) and each watch by its silence; the client's own
        // whole-request limit would cut healthy long watches and report timeouts in its words.
        configuration.HttpClientTimeout = Timeout.InfiniteTimeSpan;
        _kubernetes = new Kubernetes(configuration);
        Server = new Uri(configuration.Host.EndsWith('/') ? configuration.Host : configuration.Host + "/");
        Context = configuration.CurrentContext;
        Namespace = string.IsNullOrEmpty(namespaceOverride)
            ? string.IsNullOrEmpty(configuration.Namespace) ? "default" : configuration.Namespace
            : namespaceOverride;
    }

    /// <summary>The API server URL, ending in a slash.</summary>
    public Uri Server { get; }

    public string? Context { get; }

    /// <summary>The namespace commands work in: -n, else the context's, else "default".</summary>
    public string Namespace { get; }

    /// <summary>Longest wait for one request's answer; zero for none.</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>Longest silence on an open watch before it is resumed.</summary>
    public TimeSpan WatchIdleTimeout { get; }

    internal HttpClient HttpClient => _kubernetes.HttpClient;

    public static KubeConnection Open(KubeConnectionOptions options) =>
        new(KubeConfigLoader.Load(options), options.Namespace, options);

    /// <summary>Adds the credentials (bearer token, refreshed exec token, basic auth) to a request.</summary>
    internal async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_kubernetes.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _kubernetes.Dispose();
}
