using System.Globalization;
using System.Net;
using ArgoFlow.Services.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// A started warm host. Dispose (or <see cref="StopAsync"/>) to shut down gracefully: health turns NOT_SERVING,
/// Kestrel stops accepting, in-flight calls get <see cref="WarmHostOptions.ShutdownGrace"/> to finish.
/// </summary>
public sealed class RunningWarmHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WarmHostOptions _options;
    private readonly WarmUpState _warmUp;
    private readonly ILogger _logger;
    private int _stopped;

    internal RunningWarmHost(WebApplication app, WarmHostOptions options, BoundEndpoints endpoints, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        Certificate = certificate;
        _app = app;
        _options = options;
        _warmUp = app.Services.GetRequiredService<WarmUpState>();
        GrpcAddress = Dial(endpoints.Grpc!.IPEndPoint!);
        GrpcUri = new Uri((certificate is null ? "http://" : "https://") + GrpcAddress);
        HttpBaseUrl = endpoints.Http?.IPEndPoint is { } http ? new Uri("http://" + Dial(http)) : null;
        _logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ArgoFlow.Services.Hosting.WarmHost");
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var store = app.Services.GetRequiredService<Storage.IImageStore>().Description;
            var httpUrl = HttpBaseUrl?.ToString() ?? "(none)";
            var services = string.Join(",", options.Services);
            Log.Listening(_logger, GrpcAddress, httpUrl, services, store);
        }
    }

    /// <summary>gRPC target as host:port (a wildcard bind is reported as 127.0.0.1), e.g. "127.0.0.1:41237".</summary>
    public string GrpcAddress { get; }

    /// <summary>The same as a URI for GrpcChannel.ForAddress, e.g. http://127.0.0.1:41237.</summary>
    public Uri GrpcUri { get; }

    /// <summary>The TLS certificate of the gRPC port; null when it speaks h2c.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; }

    /// <summary>Base URL of the HTTP/1.1 endpoint (JSON routes, /metrics, /healthz); null when disabled.</summary>
    public Uri? HttpBaseUrl { get; }

    /// <summary>The host's services, e.g. to reach <see cref="Storage.IImageStore"/> or the health service.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Completes when every hosted service is SERVING; throws when one failed to warm up (e.g. a bad model).</summary>
    public Task WaitUntilServingAsync(CancellationToken cancellationToken) => _warmUp.AllServing.WaitAsync(cancellationToken);

    /// <summary>Completes when the host is asked to stop (SIGTERM with <see cref="WarmHostOptions.HandleSignals"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            Log.Stopping(_logger, _options.ShutdownGrace.TotalSeconds);
            _warmUp.MarkStopping();
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static string Dial(IPEndPoint endpoint)
    {
        var address = endpoint.Address.Equals(IPAddress.Any) || endpoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.Loopback : endpoint.Address;
        return string.Create(CultureInfo.InvariantCulture, $"{address}:{endpoint.Port}");
    }
}
