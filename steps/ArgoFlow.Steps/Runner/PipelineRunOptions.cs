using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Steps.Runner;

/// <summary>How a run reaches the services and which steps it runs.</summary>
public sealed class PipelineRunOptions
{
    /// <summary>
    /// The gRPC target (host:port) for a step. Default: the spec's endpoint for the step type. `argoflow run
    /// --services` and the embedded services replace it.
    /// </summary>
    public Func<PipelineStep, string>? TargetFor { get; init; }

    /// <summary>Run only these steps (the fused service's <c>steps</c>); null or empty: every step.</summary>
    public IReadOnlyCollection<string>? OnlySteps { get; init; }

    /// <summary>Called as each step ends (from the thread that finished it), e.g. to advance a progress bar.</summary>
    public Action<StepRunResult>? StepFinished { get; init; }
}
