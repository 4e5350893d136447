using System.CommandLine;
using ArgoFlow.Core.Catalog;

namespace ArgoFlow.Cli.Commands;

/// <summary>The flags of `argoflow serve`; only flags the user gave are passed on, so lower layers keep their values.</summary>
internal sealed class ServeOptions
{
    private readonly List<(Option Option, string Key)> _all = [];

    public ServeOptions()
    {
        Add<string>("services", "Comma-separated services to host: resize, detect, filter (default all).");
        Add<int>("grpcPort", $"gRPC (HTTP/2) port (default {ServicePorts.Grpc}; 0 picks a free one).");
        Add<int>("httpPort", $"HTTP/1.1 port for JSON routes, /metrics, /healthz (default {ServicePorts.Http}; -1 none).");
        Add<string>("bindAddress", "Address to listen on (default 0.0.0.0).");
        Add<string>("store", "Image store: a directory or s3://bucket[/prefix] (default ./data). S3 endpoint and credentials come from ARGOFLOW_S3_* / AWS_* variables or appsettings.json, never flags.");
        Add<string>("model", "ONNX model for detect (default: ARGOFLOW_MODELS/fastestdet/FastestDet.onnx, else the `models pull` cache).");
        Add<string>("classNames", "Class names file, one per line (default: beside the model, its metadata, or COCO).");
        Add<int>("intraOpThreads", "ONNX Runtime threads per inference (default 1).");
        Add<int>("maxConcurrency", "Calls each service runs at once (default: processor count).");
        Add<int>("maxQueue", "Calls that may wait per service before new ones are refused with RESOURCE_EXHAUSTED (default 32).");
        Add<long>("maxPixels", "Largest image accepted, in pixels, checked from the header before decoding (default 50000000).");
        Add<long>("maxObjectBytes", "Largest object read from the store, in bytes (default 67108864).");
        Add<int>("maxJpegScans", "Most scans a JPEG may have; more is refused before decoding (default 100).");
        Add<int>("maxRegions", "Most regions one blurRegions/pixelateRegions call may name (default 1000).");
        Add<int>("shutdownGraceSeconds", "Seconds in-flight calls get to finish after SIGTERM (default 20).");
        Add<string>("tlsCert", "PEM certificate for TLS on the gRPC port (with --tls-key; default none: h2c).");
        Add<string>("tlsKey", "PEM private key file of --tls-cert (mount it from a Secret).");
    }

    public Option<string> Config { get; } = new("--config") { Description = "appsettings.json to read (default ./appsettings.json when present)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        foreach (var (option, _) in _all)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Configuration keys of the flags given on the command line, with their text.</summary>
    public IReadOnlyDictionary<string, string?> Read(ParseResult parse)
    {
        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (option, key) in _all)
        {
            if (parse.GetResult(option) is { Implicit: false } result)
            {
                given[key] = Convert.ToString(result.GetValueOrDefault<object>(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return given;
    }

    private void Add<T>(string key, string description) =>
        _all.Add((new Option<T>("--" + ArgoFlow.Services.Hosting.ServeConfiguration.FlagName(key)) { Description = description }, key));
}
