using ArgoFlow.Core.Errors;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Steps.Client;
using ArgoFlow.Templates.Spec;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// The services a run calls: started in this process on a loopback port (embedded: only the step types the spec
/// uses, a local directory store, the model only when it detects), or running elsewhere at --services.
/// </summary>
internal sealed class RunServices : IAsyncDisposable
{
    private readonly RunningWarmHost? host;

    private RunServices(RunningWarmHost? host, string target, string? storeRoot, string description)
    {
        this.host = host;
        Target = target;
        StoreRoot = storeRoot;
        Description = description;
    }

    /// <summary>host:port every step is sent to.</summary>
    public string Target { get; }

    /// <summary>The embedded store's folder (outputs land here); null for services elsewhere.</summary>
    public string? StoreRoot { get; }

    public string Description { get; }

    /// <param name="settings">The run's options.</param>
    /// <param name="spec">The pipeline: its step types decide which services start.</param>
    /// <param name="parallel">Runs in flight at once: sizes the queues and the inference threads.</param>
    /// <param name="stderr">Where to say where the outputs go.</param>
    /// <param name="verbose">Service logs from Information; none without it.</param>
    /// <param name="client">The run's step client: its connection is opened and warmed while the services warm up.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<RunServices> StartAsync(
        RunSettings settings, PipelineSpec spec, int parallel, TextWriter stderr, bool verbose, StepClient client, CancellationToken cancellationToken)
    {
        if (!settings.IsEmbedded)
        {
            return new RunServices(null, settings.Services, null, $"services at {settings.Services}");
        }

        var root = settings.Out ?? Path.Combine(Path.GetTempPath(), $"argoflow-run-{Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal)}");
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"--output-dir {root}: cannot create the folder: {ex.Message}", null, ex);
        }

        root = Path.GetFullPath(root);
        var types = spec.Steps.Select(s => s.Type.Name).Distinct(StringComparer.Ordinal).ToList();
        var options = new WarmHostOptions
        {
            Services = types,
            GrpcPort = 0,
            HttpPort = -1,
            Store = root,
            Models = types.Contains("detect") ? [new ModelOptions { Path = RunModels.Resolve(settings.Model) }] : [],
            MaxQueue = Math.Max(32, 4 * parallel),
            IntraOpThreads = WarmHostOptions.IntraOpThreadsFor(parallel),
            ConfigureLogging = logging => Logging(logging, verbose),
        };
        var host = await WarmHost.StartAsync(options, null, null, cancellationToken);
        try
        {
            // The client's connection and call path warm up beside the services' own warm-up (model load, OpenCV).
            await Task.WhenAll(
                host.WaitUntilServingAsync(cancellationToken),
                client.WarmUpAsync(host.GrpcAddress, TimeSpan.FromSeconds(10), cancellationToken));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        if (settings.Out is null)
        {
            await stderr.WriteLineAsync($"outputs go to {root} (pass --output-dir DIR to choose)");
        }

        return new RunServices(host, host.GrpcAddress, root, $"embedded services ({string.Join(", ", types)}) on {host.GrpcAddress}");
    }

    /// <summary>
    /// The embedded services' logging: none at all without --verbose (the summary and the step errors say what went
    /// wrong, and no `warn:` line from Kestrel or a failed call lands in the middle of it); with it, Information and
    /// up on stderr. No provider rather than a minimum level, so no Logging__LogLevel__* variable can turn lines on.
    /// </summary>
    internal static void Logging(ILoggingBuilder logging, bool verbose)
    {
        logging.ClearProviders();
        if (verbose)
        {
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Information);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
