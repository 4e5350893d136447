using System.Net;
using ArgoFlow.Core.Errors;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Grpc;
using ArgoFlow.Services.Metrics;
using ArgoFlow.Services.Storage;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// Starts the warm gRPC services in this process: `argoflow serve` uses it, and so does the runner, which embeds
/// the services on ephemeral loopback ports and adds its own gRPC service (PipelineService) to the same host.
/// </summary>
public static class WarmHost
{
    /// <summary>
    /// Validates the options (every problem listed, <see cref="ExitCode.InvalidInput"/>), starts Kestrel with a gRPC
    /// (HTTP/2) endpoint and an HTTP/1.1 endpoint (JSON routes, /metrics, /healthz), and returns once both listen.
    /// Warm-up continues in the background: await <see cref="RunningWarmHost.WaitUntilServingAsync"/>.
    /// </summary>
    /// <param name="options">What to host and where; ports may be 0.</param>
    /// <param name="configureServices">
    /// Runs after the host's own registrations: add services, or replace one (e.g. <see cref="IImageStore"/>);
    /// the last registration wins.
    /// </param>
    /// <param name="mapEndpoints">Runs after the host maps its endpoints: map extra gRPC services here
    /// (<c>endpoints.MapGrpcService&lt;T&gt;()</c>); they get the same interceptor (error mapping, logs).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<RunningWarmHost> StartAsync(
        WarmHostOptions options,
        Action<IServiceCollection>? configureServices = null,
        Action<IEndpointRouteBuilder>? mapEndpoints = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput,
                $"invalid service configuration ({problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}):{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", problems),
                "fix the flags, ARGOFLOW_* environment variables or appsettings.json values named above");
        }

        ThreadPoolFloor.Raise(options.MaxConcurrency, options.Services.Count);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = "argoflow", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        (options.ConfigureLogging ?? DefaultLogging)(builder.Logging);
        var endpoints = new BoundEndpoints();
        var certificate = TlsCertificates.Load(options);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = options.BindAddress == "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.BindAddress);
            kestrel.Listen(address, options.GrpcPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }

                endpoints.Grpc = listen;
            });
            if (options.HttpPort >= 0)
            {
                kestrel.Listen(address, options.HttpPort, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    endpoints.Http = listen;
                });
            }
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownGrace);
        if (!options.HandleSignals)
        {
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        }

        AddServices(builder.Services, options);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        MapEndpoints(app, options);
        mapEndpoints?.Invoke(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            // Kestrel reports a taken port as an IOException (AddressInUseException): a user problem, not a bug.
            await app.DisposeAsync();
            throw new ArgoFlowException(ExitCode.Unavailable, $"cannot listen: {ex.Message}",
                "another process uses the port; pick others with --grpc-port/--http-port (0 = any free port)", ex);
        }

        return new RunningWarmHost(app, options, endpoints, certificate);
    }

    /// <summary>
    /// Loads OpenCV's native library on a pool thread (a few hundred milliseconds on a cold start), so a caller can
    /// overlap it with its own start-up work (reading a spec) before <see cref="StartAsync"/>.
    /// </summary>
    public static Task PreloadNativeLibrariesAsync() => Task.Run(() => OpenCvSharp.Cv2.GetVersionString());

    private static void AddServices(IServiceCollection services, WarmHostOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options.Limits);
        services.AddSingleton<IImageStore>(_ => ImageStoreFactory.Create(options.Store, options.S3));
        services.AddSingleton(_ => new ModelRegistry([.. options.Models], options.IntraOpThreads));
        services.AddSingleton<HealthServiceImpl>();
        services.AddSingleton<WarmUpState>();
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<ServiceGates>();
        services.AddSingleton<StepIo>();
        services.AddSingleton<StepCallInterceptor>();
        services.AddHostedService<WarmUpService>();
        services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<StepCallInterceptor>();
            grpc.EnableDetailedErrors = false;
        }).AddJsonTranscoding();
        services.AddGrpcReflection();
    }

    private static void MapEndpoints(WebApplication app, WarmHostOptions options)
    {
        // Runs after routing has picked the endpoint, so it sees which transcoded method a JSON body is for.
        app.UseMiddleware<StrictJsonBodyMiddleware>();
        if (options.Services.Contains("resize"))
        {
            app.MapGrpcService<ResizeGrpcService>();
        }

        if (options.Services.Contains("detect"))
        {
            app.MapGrpcService<DetectGrpcService>();
        }

        if (options.Services.Contains("filter"))
        {
            app.MapGrpcService<FilterGrpcService>();
        }

        app.MapGrpcService<HealthServiceImpl>();
        app.MapGrpcReflectionService();
        var metrics = app.Services.GetRequiredService<ServiceMetrics>();
        app.MapMetrics("/metrics", metrics.Registry);
        var warmUp = app.Services.GetRequiredService<WarmUpState>();
        app.MapGet("/healthz", () => warmUp.AllServing.IsCompletedSuccessfully && !warmUp.Stopping
            ? Microsoft.AspNetCore.Http.Results.Text("SERVING\n")
            : Microsoft.AspNetCore.Http.Results.Text("NOT_SERVING\n", statusCode: 503));
        app.Lifetime.ApplicationStopping.Register(warmUp.MarkStopping);
    }

    /// <summary>JSON lines on stderr, one per event, with the structured fields (timing breakdown included).</summary>
    private static void DefaultLogging(ILoggingBuilder logging)
    {
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
        logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = false;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
