using System.Globalization;
using System.Text;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Models;
using Microsoft.Extensions.Configuration;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// `argoflow serve` configuration from three layers, later ones winning: the "serve" section of appsettings.json,
/// ARGOFLOW_* environment variables (ARGOFLOW_GRPC_PORT for grpcPort, ARGOFLOW_S3_ENDPOINT for s3:endpoint, ...),
/// and command-line flags. Every problem - unparsable values and invalid options alike - is reported at once.
/// </summary>
public static class ServeConfiguration
{
    /// <summary>The keys understood, in the "serve" section and (upper snake case) after ARGOFLOW_.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "services", "grpcPort", "httpPort", "bindAddress", "store", "model", "classNames", "intraOpThreads",
        "maxConcurrency", "maxQueue", "maxPixels", "maxObjectBytes", "maxJpegScans", "maxRegions", "shutdownGraceSeconds", "tlsCert", "tlsKey",
        "s3:endpoint", "s3:region", "s3:accessKey", "s3:secretKey",
    ];

    public static (WarmHostOptions Options, IReadOnlyList<string> Problems) Load(
        string? configFile, IReadOnlyDictionary<string, string?> flags, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        var builder = new ConfigurationBuilder();
        var file = configFile ?? Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
        if (configFile is not null && !File.Exists(configFile))
        {
            problems.Add($"config: {configFile} does not exist");
        }
        else if (File.Exists(file))
        {
            builder.AddJsonFile(Path.GetFullPath(file), optional: false);
        }

        builder.AddInMemoryCollection(Keys.Select(k => KeyValuePair.Create("serve:" + k, environment(EnvironmentName(k))))
            .Where(p => !string.IsNullOrEmpty(p.Value)));
        builder.AddInMemoryCollection(flags.Where(f => f.Value is not null).Select(f => KeyValuePair.Create("serve:" + f.Key, f.Value)));
        IConfigurationSection section;
        try
        {
            section = builder.Build().GetSection("serve");
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
        {
            return (new WarmHostOptions(), [$"config: {file} is not valid JSON: {ex.Message}"]);
        }

        var options = new WarmHostOptions { HandleSignals = true, BindAddress = "0.0.0.0" };
        var reader = new Reader(section, problems);
        options.Services = reader.Text("services") is { } services
            ? services.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : options.Services;
        options.GrpcPort = reader.Whole("grpcPort") ?? options.GrpcPort;
        options.HttpPort = reader.Whole("httpPort") ?? options.HttpPort;
        options.BindAddress = reader.Text("bindAddress") ?? options.BindAddress;
        options.Store = reader.Text("store") ?? options.Store;
        options.IntraOpThreads = reader.Whole("intraOpThreads") ?? options.IntraOpThreads;
        options.MaxConcurrency = reader.Whole("maxConcurrency") ?? options.MaxConcurrency;
        options.MaxQueue = reader.Whole("maxQueue") ?? options.MaxQueue;
        options.Limits.MaxPixels = reader.Long("maxPixels") ?? options.Limits.MaxPixels;
        options.Limits.MaxObjectBytes = reader.Long("maxObjectBytes") ?? options.Limits.MaxObjectBytes;
        options.Limits.MaxJpegScans = reader.Whole("maxJpegScans") ?? options.Limits.MaxJpegScans;
        options.Limits.MaxRegions = reader.Whole("maxRegions") ?? options.Limits.MaxRegions;
        options.ShutdownGrace = reader.Whole("shutdownGraceSeconds") is { } grace ? TimeSpan.FromSeconds(grace) : options.ShutdownGrace;
        options.TlsCertificate = reader.Text("tlsCert");
        options.TlsKey = reader.Text("tlsKey");
        options.S3 = new Storage.S3StoreOptions
        {
            Endpoint = reader.Text("s3:endpoint") ?? new Storage.S3StoreOptions().Endpoint,
            Region = reader.Text("s3:region") ?? new Storage.S3StoreOptions().Region,
            AccessKey = reader.Text("s3:accessKey"),
            SecretKey = reader.Text("s3:secretKey"),
        }.WithEnvironment(environment, endpointSet: true, regionSet: true);
        if (options.Services.Contains("detect") && ModelLocator.Resolve(reader.Text("model"), environment) is { } model)
        {
            options.Models = [new ModelOptions { Path = model.Path, ClassNamesPath = reader.Text("classNames") }];
        }

        problems.AddRange(options.Validate());
        return (options, problems);
    }

    /// <summary>grpcPort -> ARGOFLOW_GRPC_PORT, s3:accessKey -> ARGOFLOW_S3_ACCESS_KEY.</summary>
    public static string EnvironmentName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = new StringBuilder("ARGOFLOW_");
        foreach (var c in key)
        {
            if (c == ':')
            {
                name.Append('_');
            }
            else
            {
                if (char.IsUpper(c))
                {
                    name.Append('_');
                }

                name.Append(char.ToUpperInvariant(c));
            }
        }

        return name.ToString();
    }

    /// <summary>grpcPort -> grpc-port.</summary>
    public static string FlagName(string key) => EnvironmentName(key)["ARGOFLOW_".Length..].Replace('_', '-').ToLowerInvariant();

    private sealed class Reader(IConfigurationSection section, List<string> problems)
    {
        public string? Text(string key) => section[key] is { Length: > 0 } value ? value : null;

        public int? Whole(string key) => Text(key) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : Bad<int>(key, text)
            : null;

        public long? Long(string key) => Text(key) is { } text
            ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : Bad<long>(key, text)
            : null;

        private T? Bad<T>(string key, string text)
            where T : struct
        {
            problems.Add($"{key}: '{text}' is not an integer (flag --{FlagName(key)}, {EnvironmentName(key)} or serve:{key} in appsettings.json)");
            return null;
        }
    }
}
