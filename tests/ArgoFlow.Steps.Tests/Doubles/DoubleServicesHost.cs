using System.Net;
using System.Security.Cryptography.X509Certificates;
using ArgoFlow.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Steps.Tests.Doubles;

/// <summary>The three service doubles on Kestrel 127.0.0.1:0 (h2c), with a temp directory as their store.</summary>
public sealed class DoubleServicesHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TempDirectory directory;

    private DoubleServicesHost(WebApplication app, TempDirectory directory, string target)
    {
        this.app = app;
        this.directory = directory;
        Target = target;
        Store = app.Services.GetRequiredService<DoubleStore>();
        Faults = app.Services.GetRequiredService<FaultPlan>();
    }

    /// <summary>host:port of the gRPC listener.</summary>
    public string Target { get; }

    public DoubleStore Store { get; }

    public FaultPlan Faults { get; }

    /// <param name="certificate">Serve gRPC over TLS with it (default h2c).</param>
    public static async Task<DoubleServicesHost> StartAsync(
        Action<WebApplication>? mapMore = null, Action<IServiceCollection>? services = null, X509Certificate2? certificate = null)
    {
        var directory = new TempDirectory("argoflow-doubles");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o =>
        {
            o.Protocols = HttpProtocols.Http2;
            if (certificate is not null)
            {
                o.UseHttps(certificate);
            }
        }));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new DoubleStore(directory.Path));
        builder.Services.AddSingleton<FaultPlan>();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGrpcService<ResizeDouble>();
        app.MapGrpcService<DetectDouble>();
        app.MapGrpcService<FilterDouble>();
        mapMore?.Invoke(app);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new DoubleServicesHost(app, directory, $"127.0.0.1:{address.Port}");
    }

    /// <summary>Copies a file into the store and returns its key.</summary>
    public string Put(string key, byte[] content)
    {
        var path = Path.Combine(Store.Root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return key;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        directory.Dispose();
    }
}
