using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Errors;
using Google.Protobuf;

namespace ArgoFlow.Steps.Runner;

/// <summary>One step of a run: how it ended, how many attempts, where the time went, and its result.</summary>
/// <param name="Name">The step's name in the spec.</param>
/// <param name="Type">The step type (resize, detect, filter).</param>
/// <param name="Phase">Succeeded, Failed or Skipped.</param>
/// <param name="Attempts">Calls made (0 when skipped or when the request could not be built).</param>
/// <param name="Message">Why it failed or was skipped; empty on success.</param>
/// <param name="Timing">The service's breakdown (zeros when the call did not succeed).</param>
/// <param name="ClientMs">Wall time at the caller, retries and network included.</param>
/// <param name="Response">The response message on success.</param>
/// <param name="Outputs">The step's output ports (catalogue names) that have a value, e.g. image -> URI.</param>
/// <param name="FailureCode">The exit code that fits the failure (InvalidInput, Unavailable, Timeout...).</param>
public sealed record StepRunResult(
    string Name,
    string Type,
    StepPhase Phase,
    int Attempts,
    string Message,
    Timing Timing,
    double ClientMs,
    IMessage? Response,
    IReadOnlyDictionary<string, string> Outputs,
    ExitCode FailureCode = ExitCode.Ok)
{
    public bool Succeeded => Phase == StepPhase.Succeeded;

    /// <summary>The result JSON (the step's Argo <c>outputs.result</c>); null unless it succeeded.</summary>
    public string? ResultJson => Response is null ? null : Client.ProtoJson.Format(Response);
}
