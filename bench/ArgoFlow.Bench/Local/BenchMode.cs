using ArgoFlow.Steps.Runner;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Bench.Local;

/// <summary>
/// One mode ready to run: the same <see cref="PipelineRunner"/> for every mode, with the invoker that makes the
/// mode (gRPC client, a process per step, or in-process calls) and whatever it owns (a warm host, a model).
/// </summary>
public sealed class BenchMode : IAsyncDisposable
{
    private readonly PipelineRunner runner;
    private readonly PipelineRunOptions runOptions;
    private readonly IAsyncDisposable[] owned;

    internal BenchMode(string name, IStepInvoker invoker, string target, params IAsyncDisposable[] owned)
    {
        Name = name;
        runner = new PipelineRunner(invoker);
        runOptions = new PipelineRunOptions { TargetFor = _ => target };
        this.owned = owned;
    }

    public string Name { get; }

    public Task<PipelineRunResult> RunAsync(PipelineSpec spec, string inputKey, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["input"] = inputKey };
        return runner.RunAsync(spec, parameters, runOptions, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in owned.Reverse())
        {
            await resource.DisposeAsync();
        }
    }
}
