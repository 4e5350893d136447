using ArgoFlow.Steps.Client;

namespace ArgoFlow.Steps.Runner;

/// <summary>
/// Makes one step call. <see cref="StepClient"/> is the product's implementation (gRPC to the warm services);
/// the runner only sees this seam so the bench and the fused service can reuse it unchanged.
/// </summary>
public interface IStepInvoker
{
    /// <summary>Calls the step; throws <see cref="StepCallException"/> when the call finally fails.</summary>
    Task<StepCallResult> InvokeAsync(StepCall call, CancellationToken cancellationToken);
}
