using System.Collections.Concurrent;
using ArgoFlow.Core.Errors;
using Grpc.Net.Client;

namespace ArgoFlow.Steps.Client;

/// <summary>
/// One <see cref="GrpcChannel"/> per endpoint, created on first use and reused for every later call: a channel
/// owns its HTTP/2 connections, so creating one per call would pay a TCP (and TLS) handshake each time.
/// </summary>
public sealed class StepChannelPool : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GrpcChannel>> channels = new(StringComparer.Ordinal);
    private readonly StepClientOptions options;

    public StepChannelPool(StepClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    /// <summary>The channel for <paramref name="target"/> (<c>host:port</c>, <c>http://host:port</c> or <c>https://host:port</c>).</summary>
    public GrpcChannel Get(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return channels.GetOrAdd(target, t => new Lazy<GrpcChannel>(() => Create(t))).Value;
    }

    /// <summary>Normalises a target to the address a channel takes, or explains what is wrong with it.</summary>
    public static Uri ToAddress(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var text = target.Contains("://", StringComparison.Ordinal) ? target : "http://" + target;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") ||
            string.IsNullOrEmpty(uri.Host) || uri.IsDefaultPort && !target.Contains("://", StringComparison.Ordinal) ||
            uri.AbsolutePath != "/")
        {
            throw new ArgoFlowException(
                ExitCode.Usage,
                $"'{target}' is not a service address",
                "give HOST:PORT, e.g. 127.0.0.1:9090 or argoflow-resize.argo.svc.cluster.local:9090");
        }

        return uri;
    }

    public void Dispose()
    {
        foreach (var channel in channels.Values.Where(c => c.IsValueCreated))
        {
            channel.Value.Dispose();
        }

        channels.Clear();
    }

    private GrpcChannel Create(string target)
    {
        var handler = new SocketsHttpHandler
        {
            // A service that is down should fail the attempt quickly so the retry loop, not TCP, sets the pace.
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            EnableMultipleHttp2Connections = true,
        };
        if (options.CaFile is not null || options.CaPem is not null || options.PinnedCertificate is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = new ServerTrust(options.CaFile, options.CaPem, options.PinnedCertificate).Validate;
        }

        return GrpcChannel.ForAddress(ToAddress(target), new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
        });
    }
}
