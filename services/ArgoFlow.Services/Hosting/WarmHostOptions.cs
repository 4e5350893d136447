using System.Net;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Storage;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// Everything a warm host needs. Defaults suit `argoflow serve`; an embedding process (the `argoflow run` runner)
/// typically sets <see cref="GrpcPort"/> and <see cref="HttpPort"/> to 0, <see cref="HandleSignals"/> false and
/// its own <see cref="ConfigureLogging"/>. <see cref="Validate"/> lists every problem at once.
/// </summary>
public sealed class WarmHostOptions
{
    /// <summary>The step services to host: any of "resize", "detect", "filter". Default all three.</summary>
    public IList<string> Services { get; set; } = ["resize", "detect", "filter"];

    /// <summary>Address to bind. Default 127.0.0.1; `argoflow serve` uses 0.0.0.0 inside containers.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>gRPC (HTTP/2 cleartext) port; 0 picks a free one. Default 9090.</summary>
    public int GrpcPort { get; set; } = ServicePorts.Grpc;

    /// <summary>HTTP/1.1 port for the JSON routes, /metrics and /healthz; 0 picks a free one, -1 disables. Default 8080.</summary>
    public int HttpPort { get; set; } = ServicePorts.Http;

    /// <summary>Where images live: a directory path or <c>s3://bucket[/prefix]</c>. Default "./data".</summary>
    public string Store { get; set; } = "data";

    /// <summary>Endpoint, region and credentials for an s3:// store (bucket and prefix come from <see cref="Store"/>).</summary>
    public S3StoreOptions S3 { get; set; } = new();

    /// <summary>Models the Detect service loads at start-up; the first is the default. Needed when "detect" is hosted.</summary>
    public IList<ModelOptions> Models { get; set; } = [];

    /// <summary>ONNX Runtime intra-op threads per session. Default 1 (leaves the other core to OpenCV and I/O).</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>
    /// Intra-op threads for a host that runs <paramref name="pipelinesInFlight"/> pipelines at once (argoflow run,
    /// bench): with one, its steps run one after another, so an inference may take two cores; with several, one
    /// each, so the cores serve calls side by side instead of waking each other.
    /// </summary>
    public static int IntraOpThreadsFor(int pipelinesInFlight) => pipelinesInFlight <= 1 ? Math.Min(2, Environment.ProcessorCount) : 1;

    /// <summary>Calls one service runs at once. Default the processor count.</summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Calls that may wait for a slot; beyond that a call fails at once with RESOURCE_EXHAUSTED. Default 32.</summary>
    public int MaxQueue { get; set; } = 32;

    public ImageLimits Limits { get; set; } = new();

    /// <summary>How long shutdown waits for in-flight calls after it stops accepting. Default 20 s.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Name returned in every response's "instance": POD_NAME, else HOSTNAME, else the machine name.</summary>
    public string Instance { get; set; } =
        Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.GetEnvironmentVariable("HOSTNAME") ?? Environment.MachineName;

    /// <summary>
    /// PEM certificate (chain) for TLS on the gRPC port; with <see cref="TlsKey"/>. Default none: h2c, for a cluster
    /// where a service mesh or the network policy protects the traffic.
    /// </summary>
    public string? TlsCertificate { get; set; }

    /// <summary>PEM private key of <see cref="TlsCertificate"/> (a mounted Secret, never a flag value).</summary>
    public string? TlsKey { get; set; }

    /// <summary>True for `argoflow serve`: SIGTERM/Ctrl+C stop the host. False (default) when embedded.</summary>
    public bool HandleSignals { get; set; }

    /// <summary>Logging set-up; default JSON lines on stderr (stdout stays for results).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>Every problem with these options; empty when the host can start.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var known = StepCatalog.All.Select(s => s.Name).ToArray();
        if (Services.Count == 0)
        {
            problems.Add($"services: list at least one of {string.Join(", ", known)}");
        }

        problems.AddRange(Services.Where(s => !known.Contains(s)).Select(s => $"services: unknown service '{s}' (known: {string.Join(", ", known)})"));
        if (!IPAddress.TryParse(BindAddress, out _) && BindAddress != "localhost")
        {
            problems.Add($"bindAddress: '{BindAddress}' is not an IP address");
        }

        if (GrpcPort is < 0 or > 65535)
        {
            problems.Add($"grpcPort: must be in 0..65535, got {GrpcPort}");
        }

        if (HttpPort is < -1 or > 65535)
        {
            problems.Add($"httpPort: must be in 0..65535 (or -1 for none), got {HttpPort}");
        }

        if (GrpcPort == HttpPort && GrpcPort > 0)
        {
            problems.Add($"httpPort: must differ from grpcPort ({GrpcPort})");
        }

        if (string.IsNullOrWhiteSpace(Store))
        {
            problems.Add("store: give a directory or s3://bucket[/prefix]");
        }
        else if (Store.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            problems.AddRange(ImageStoreFactory.S3OptionsFor(Store, S3).Validate());
        }

        if (Services.Contains("detect"))
        {
            if (Models.Count == 0)
            {
                problems.Add("model: detect needs a model (--model PATH, ARGOFLOW_MODELS, or `argoflow models pull fastestdet`)");
            }

            problems.AddRange(Models.Where(m => !File.Exists(m.Path)).Select(m => $"model: {m.Path} does not exist"));
            problems.AddRange(Models.Where(m => m.ClassNamesPath is { } p && !File.Exists(p)).Select(m => $"model.classNames: {m.ClassNamesPath} does not exist"));
        }

        if (IntraOpThreads is < 1 or > 64)
        {
            problems.Add($"intraOpThreads: must be in 1..64, got {IntraOpThreads}");
        }

        if (MaxConcurrency is < 1 or > 1024)
        {
            problems.Add($"maxConcurrency: must be in 1..1024, got {MaxConcurrency}");
        }

        if (MaxQueue is < 0 or > 100_000)
        {
            problems.Add($"maxQueue: must be in 0..100000, got {MaxQueue}");
        }

        if (ShutdownGrace < TimeSpan.Zero || ShutdownGrace > TimeSpan.FromMinutes(10))
        {
            problems.Add($"shutdownGrace: must be in 0s..10m, got {ShutdownGrace}");
        }

        if ((TlsCertificate is null) != (TlsKey is null))
        {
            problems.Add("tlsCert/tlsKey: give both the certificate and its key, or neither");
        }
        else if (TlsCertificate is not null)
        {
            problems.AddRange(new[] { ("tlsCert", TlsCertificate), ("tlsKey", TlsKey!) }
                .Where(f => !File.Exists(f.Item2)).Select(f => $"{f.Item1}: {f.Item2} does not exist"));
        }

        problems.AddRange(Limits.Validate());
        return problems;
    }
}
