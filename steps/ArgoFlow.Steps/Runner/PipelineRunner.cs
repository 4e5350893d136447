using System.Diagnostics;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Templates.Spec;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArgoFlow.Steps.Runner;

/// <summary>
/// Runs a pipeline's DAG against the services: each step starts as soon as every step it depends on has
/// succeeded, so independent branches run at the same time. A failed step is reported with its cause and its
/// dependants are Skipped; steps that finished keep their outputs. Used by `argoflow run`, the fused
/// PipelineService and the bench's warm mode.
/// </summary>
public sealed class PipelineRunner
{
    private readonly IStepInvoker invoker;
    private readonly ILogger logger;

    public PipelineRunner(IStepInvoker invoker, ILogger<PipelineRunner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        this.invoker = invoker;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Runs <paramref name="spec"/>. Throws <see cref="ArgoFlowException"/> (InvalidInput) before any call when the
    /// parameters or the step selection are wrong; step failures are results, not exceptions.
    /// </summary>
    public async Task<PipelineRunResult> RunAsync(
        PipelineSpec spec,
        IReadOnlyDictionary<string, string> parameters,
        PipelineRunOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new PipelineRunOptions();
        var values = PipelineParameters.Resolve(spec, parameters);
        var plan = RunPlan.Create(spec, options.OnlySteps);
        var targetFor = options.TargetFor ?? (step => spec.Services.For(step.Type.Name).Grpc);
        var started = Stopwatch.GetTimestamp();

        var tasks = new Dictionary<string, Task<StepRunResult>>(StringComparer.Ordinal);
        foreach (var step in plan.Order)
        {
            var dependencies = plan.DependenciesOf(step).Select(d => tasks[d]).ToArray();
            tasks[step.Name] = RunStepAsync(step, dependencies, plan, values, targetFor, options, cancellationToken);
        }

        var results = await Task.WhenAll(tasks.Values);
        var byName = results.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var ordered = plan.Selected.Select(s => byName[s.Name]).ToList();
        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        RunnerLog.Finished(logger, spec.Name, ordered.All(r => r.Succeeded) ? "Succeeded" : "Failed", total);
        return new PipelineRunResult(spec.Name, values, ordered, total);
    }

    private async Task<StepRunResult> RunStepAsync(
        PipelineStep step,
        Task<StepRunResult>[] dependencies,
        RunPlan plan,
        IReadOnlyDictionary<string, string> parameters,
        Func<PipelineStep, string> targetFor,
        PipelineRunOptions options,
        CancellationToken cancellationToken)
    {
        var finished = await Task.WhenAll(dependencies);
        var result = finished.FirstOrDefault(d => !d.Succeeded) is { } blocker
            ? Skipped(step, $"skipped: step '{blocker.Name}' {(blocker.Phase == StepPhase.Failed ? "failed" : "was skipped")}")
            : await CallAsync(step, finished, plan, parameters, targetFor, cancellationToken);
        options.StepFinished?.Invoke(result);
        return result;
    }

    private async Task<StepRunResult> CallAsync(
        PipelineStep step,
        StepRunResult[] dependencies,
        RunPlan plan,
        IReadOnlyDictionary<string, string> parameters,
        Func<PipelineStep, string> targetFor,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var binding = StepBinding.For(step.Type);
        var target = string.Empty;
        try
        {
            var request = StepInputs.BuildRequest(step, dependencies, parameters);
            target = targetFor(step);
            var call = new StepCall(step.Name, binding, target, request, TimeSpan.FromSeconds(step.TimeoutSeconds), step.Retry);
            var response = await invoker.InvokeAsync(call, cancellationToken);
            var outputs = step.Type.Outputs
                .Select(port => (port.Name, Value: binding.ReadResponseString(response.Response, port.Field)))
                .Where(o => o.Value.Length > 0)
                .ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal);
            RunnerLog.StepSucceeded(logger, step.Name, response.Attempts, response.ClientMs);
            return new StepRunResult(step.Name, step.Type.Name, StepPhase.Succeeded, response.Attempts, string.Empty,
                response.Timing, response.ClientMs, response.Response, outputs);
        }
        catch (StepCallException ex)
        {
            RunnerLog.StepFailed(logger, step.Name, ex.Message);
            return Failed(step, ex.Message, ex.Attempts, started, ex.ExitCode);
        }
        catch (ArgoFlowException ex)
        {
            // The request could not be built (an upstream output missing, a parameter of the wrong type).
            RunnerLog.StepFailed(logger, step.Name, ex.Message);
            return Failed(step, ex.Message, 0, started, ex.ExitCode);
        }
    }

    private static StepRunResult Failed(PipelineStep step, string message, int attempts, long started, ExitCode code) =>
        new(step.Name, step.Type.Name, StepPhase.Failed, attempts, message, new Timing(),
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, new Dictionary<string, string>(), code);

    private static StepRunResult Skipped(PipelineStep step, string message) =>
        new(step.Name, step.Type.Name, StepPhase.Skipped, 0, message, new Timing(), 0, null,
            new Dictionary<string, string>(), ExitCode.Failed);
}
