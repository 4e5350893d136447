using System.Globalization;
using System.Text.RegularExpressions;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.Waits;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>
/// `argoflow serve` as a separate process on 127.0.0.1, and a gRPC channel to it. It binds port 0 unless the
/// settings name a port (a restarted process coming back on the address of the one it replaces) and the ports are
/// read back from its "serving ...: gRPC HOST:PORT, HTTP URL" line, so no two tests can race for a port.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
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
        var grpcPort = settings.GrpcPort ?? 0;
        var httpPort = settings.HttpPort ?? 0;
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
        if (grpcPort == 0 || httpPort == 0)
        {
            try
            {
                var listening = await child.WaitForStderrAsync(Serving(), "the \"serving ...: gRPC HOST:PORT, HTTP URL\" line");
                (grpcPort, httpPort) = (int.Parse(listening.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(listening.Groups[2].Value, CultureInfo.InvariantCulture));
            }
            catch
            {
                await child.DisposeAsync();
                throw;
            }
        }

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
        var bound = TimeSpan.FromSeconds(90);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (Child.HasExited)
            {
                throw new InvalidOperationException($"argoflow serve exited with {Child.ExitCode}: {Child.Stderr}");
            }

            if (clock.Elapsed > bound)
            {
                throw new WaitTimeoutException($"{Child.Command} to report SERVING on {Target} (stderr so far: {Child.Stderr})", bound);
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
            }

            // Health has no push for the overall status here; ask again shortly (each call is bounded by its deadline).
            await Task.Delay(100);
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

    [GeneratedRegex(@"^serving [^:]*: gRPC [^ ]+:(\d+), HTTP http://[^ ]+:(\d+)/")]
    private static partial Regex Serving();
}
