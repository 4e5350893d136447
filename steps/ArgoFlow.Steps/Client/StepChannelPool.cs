using System.Collections.Concurrent;
using ArgoFlow.Steps.Client.Balancing;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArgoFlow.Steps.Client;

/// <summary>
/// One <see cref="GrpcChannel"/> per target, created on first use and reused for every later call: a channel
/// owns its HTTP/2 connections, so creating one per call would pay a TCP (and TLS) handshake each time. Each channel
/// holds one connection per replica of its target - the addresses DNS gives for a name (every pod of a headless
/// Service), or the listed ones - and spreads calls over them (<see cref="ReplicaBalancer"/>). One connection to a
/// ClusterIP Service would instead send every call to the one pod kube-proxy chose when it opened.
/// </summary>
public sealed class StepChannelPool : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<BalancedChannel>> channels = new(StringComparer.Ordinal);
    private readonly StepClientOptions options;

    public StepChannelPool(StepClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    /// <summary>The channel for <paramref name="target"/> (any form <see cref="ServiceTarget.Parse"/> takes).</summary>
    public BalancedChannel Get(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return channels.GetOrAdd(target, t => new Lazy<BalancedChannel>(() => Create(ServiceTarget.Parse(t)))).Value;
    }

    /// <summary>Checks a target and returns the address its channel is created for, or explains what is wrong with it.</summary>
    public static Uri ToAddress(string target) => ServiceTarget.Parse(target).ChannelAddress;

    public void Dispose()
    {
        foreach (var channel in channels.Values.Where(c => c.IsValueCreated))
        {
            channel.Value.Dispose();
        }

        channels.Clear();
    }

    private BalancedChannel Create(ServiceTarget target)
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

        var ledger = new ReplicaLedger();
        var services = new ServiceCollection();
        services.AddSingleton<LoadBalancerFactory>(new ReplicaBalancerFactory(ledger));
        // DNS is asked again on this schedule (new pods join) and when a connection fails (gone pods leave);
        // Grpc.Net.Client spaces failure-driven lookups at least 15 s apart.
        services.AddSingleton<ResolverFactory>(new DnsResolverFactory(options.ResolveInterval));
        services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => target.Endpoints.Select(e => new BalancerAddress(e.Host, e.Port))));
        var channel = GrpcChannel.ForAddress(target.ChannelAddress, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            Credentials = target.Secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
            ServiceProvider = services.BuildServiceProvider(),
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new LoadBalancingConfig(ReplicaBalancerFactory.PolicyName) } },
            // A replica that restarts is connected again within this much of coming back (the default grows to 120 s).
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(250),
            MaxReconnectBackoff = options.MaxReconnectBackoff,
        });
        return new BalancedChannel(target, channel, ledger);
    }
}
