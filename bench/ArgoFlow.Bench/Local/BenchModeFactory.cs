using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Steps.Client;
using ArgoFlow.Templates.Spec;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Bench.Local;

/// <summary>Starts each mode's machinery: warm services on loopback, the cold process command, or the in-process model.</summary>
internal static class BenchModeFactory
{
    public static async Task<BenchMode> CreateAsync(
        string mode, PipelineSpec spec, BenchWorkspace workspace, LocalBenchOptions options, CancellationToken cancellationToken)
    {
        var types = spec.Steps.Select(s => s.Type.Name).Distinct(StringComparer.Ordinal).ToList();
        var model = types.Contains("detect") ? options.ModelPath : null;
        switch (mode)
        {
            case BenchModes.Warm when options.Services is { } external:
                // Services run elsewhere (`argoflow serve`): the same client, no host of our own.
                var remote = new StepClient();
                return new BenchMode(mode, remote, external, new Disposer(remote));
            case BenchModes.Warm:
                var host = await WarmHost.StartAsync(new WarmHostOptions
                {
                    Services = types,
                    GrpcPort = 0,
                    HttpPort = -1,
                    Store = workspace.Root,
                    Models = model is null ? [] : [new ModelOptions { Path = model }],
                    MaxQueue = Math.Max(32, 4 * options.Concurrency),
                    IntraOpThreads = WarmHostOptions.IntraOpThreadsFor(options.Concurrency),
                    ConfigureLogging = logging => logging.ClearProviders(),
                }, null, null, cancellationToken);
                try
                {
                    await host.WaitUntilServingAsync(cancellationToken);
                }
                catch
                {
                    await host.DisposeAsync();
                    throw;
                }

                var client = new StepClient();
                return new BenchMode(mode, client, host.GrpcAddress, new Disposer(client), host);
            case BenchModes.Cold:
                var command = options.ColdCommand ?? ColdCommand.Locate();
                return new BenchMode(mode, new ProcessStepInvoker(command, workspace.Root, model), "process");
            default:
                var detector = model is null ? null : DetectionModel.Load(new ModelOptions { Path = model }, WarmHostOptions.IntraOpThreadsFor(options.Concurrency));
                var invoker = new InProcessStepInvoker(detector);
                foreach (var key in workspace.InputKeys)
                {
                    invoker.Put(key, workspace.ReadInput(key));
                }

                return new BenchMode(mode, invoker, "in-process", new Disposer(invoker), new Disposer(detector));
        }
    }

    /// <summary>Lets synchronous disposables sit in a mode's list of owned resources.</summary>
    private sealed class Disposer(IDisposable? resource) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            resource?.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
