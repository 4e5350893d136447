using System.Globalization;
using ArgoFlow.TestSupport;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>
/// `argoflow serve` as a separate process on 127.0.0.1 with fixed ports (so a restarted process comes back on the
/// same address), and a gRPC channel to it.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private ServeProcess(ChildProcess child, int grpcPort, int httpPort, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate)
    {
        Child = child;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        Channel = certificate is null
            ? GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}")
            : GrpcChannel.ForAddress($"https://127.0.0.1:{grpcPort}", new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler
                {
                    SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString() },
                },
            });
    }

    public ChildProcess Child { get; }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public string Target => $"127.0.0.1:{GrpcPort}";

    public Uri HttpBase => new($"http://127.0.0.1:{HttpPort}/");

    public GrpcChannel Channel { get; }

    public static async Task<ServeProcess> StartAsync(ServeSettings settings)
    {
        var grpcPort = settings.GrpcPort ?? FreePort.Next();
        var httpPort = settings.HttpPort ?? FreePort.Next();
        var args = new List<string>
        {
            "serve", "--bind-address", "127.0.0.1",
            "--grpc-port", grpcPort.ToString(CultureInfo.InvariantCulture),
            "--http-port", httpPort.ToString(CultureInfo.InvariantCulture),
            "--store", settings.Store, "--services", settings.Services,
        };
        if (settings.Services.Contains("detect", StringComparison.Ordinal))
        {
            args.AddRange(["--model", SharedData.ModelPath]);
        }

        args.AddRange(settings.ExtraArgs);
        var child = ChildProcess.Start(args, settings.Environment, settings.Unprivileged);
        var serve = new ServeProcess(child, grpcPort, httpPort, settings.Certificate);
        if (settings.WaitUntilServing)
        {
            await serve.WaitUntilServingAsync();
        }

        return serve;
    }

    /// <summary>Polls grpc.health.v1 until the host reports SERVING; fails if the process exits first.</summary>
    public async Task WaitUntilServingAsync()
    {
        var health = new Health.HealthClient(Channel);
        // A guard against a hung start, not a timing assertion: start-up takes about a second.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (Child.HasExited)
            {
                throw new InvalidOperationException($"argoflow serve exited with {Child.ExitCode}: {Child.Stderr}");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: guard.Token);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
            }

            await Task.Delay(100, guard.Token);
        }
    }

    public async Task<HealthCheckResponse.Types.ServingStatus> HealthAsync(string service = "")
    {
        var reply = await new Health.HealthClient(Channel).CheckAsync(
            new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(10));
        return reply.Status;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Child.DisposeAsync();
    }
}
