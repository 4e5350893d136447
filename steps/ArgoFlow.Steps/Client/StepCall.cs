using ArgoFlow.Templates.Spec;
using Google.Protobuf;

namespace ArgoFlow.Steps.Client;

/// <summary>One call to make: which step (for messages), which service, the request, the per-attempt deadline and the retries.</summary>
/// <param name="StepName">The step's name in the pipeline (or the step type for a single call).</param>
/// <param name="Binding">The step type's method.</param>
/// <param name="Target">The service as <c>host:port</c>.</param>
/// <param name="Request">The request message of <paramref name="Binding"/>.</param>
/// <param name="Timeout">Deadline of each attempt.</param>
/// <param name="Retry">Retries of UNAVAILABLE: at most <see cref="RetryPolicy.Limit"/> more attempts.</param>
public sealed record StepCall(
    string StepName,
    StepBinding Binding,
    string Target,
    IMessage Request,
    TimeSpan Timeout,
    RetryPolicy Retry);
