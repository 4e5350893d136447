using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Hosting;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.Waits;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ArgoFlow.Services.Tests.Support;

/// <summary>
/// A real warm host on 127.0.0.1 with ephemeral ports, a temp local store holding the shared photos, and the
/// shared FastestDet model; plus a gRPC channel and an HTTP client pointed at it.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly TempDirectory _store;

    private TestHost(TempDirectory store, RunningWarmHost host)
    {
        _store = store;
        Host = host;
        Channel = GrpcChannel.ForAddress(host.GrpcUri);
        Http = new HttpClient { BaseAddress = host.HttpBaseUrl };
    }

    public RunningWarmHost Host { get; }

    public GrpcChannel Channel { get; }

    public HttpClient Http { get; }

    public string StoreRoot => _store.Path;

    public static WarmHostOptions Options(string storeRoot) => new()
    {
        GrpcPort = 0,
        HttpPort = 0,
        Store = storeRoot,
        Models = [new ModelOptions { Path = SharedData.ModelPath }],
        ConfigureLogging = _ => { },
    };

    public static async Task<TestHost> StartAsync(
        Action<WarmHostOptions>? adjust = null, Action<IServiceCollection>? services = null, bool waitUntilServing = true)
    {
        var store = new TempDirectory("argoflow-store");
        foreach (var image in Directory.EnumerateFiles(SharedData.ImagesDir, "*.jpg"))
        {
            Directory.CreateDirectory(store.Combine("in"));
            File.Copy(image, store.Combine("in", Path.GetFileName(image)));
        }

        var options = Options(store.Path);
        adjust?.Invoke(options);
        try
        {
            var host = await WarmHost.StartAsync(options, services, null, CancellationToken.None);
            try
            {
                if (waitUntilServing)
                {
                    await host.WaitUntilServingAsync(CancellationToken.None).WithinAsync("the warm host to report SERVING (every service warmed up)");
                }
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }

            return new TestHost(store, host);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Channel.Dispose();
        await Host.DisposeAsync();
        _store.Dispose();
    }
}
