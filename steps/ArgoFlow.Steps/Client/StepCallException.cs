using ArgoFlow.Core.Errors;
using Grpc.Core;

namespace ArgoFlow.Steps.Client;

/// <summary>
/// A step call that finally failed. The message names the step, the endpoint, the gRPC status and the attempts,
/// e.g. <c>step 'resize' at 10.0.0.5:9090 failed: UNAVAILABLE (connection refused) after 4 attempts</c>.
/// </summary>
public sealed class StepCallException : ArgoFlowException
{
    public StepCallException(string step, string target, StatusCode status, string detail, int attempts, Exception? inner = null)
        : base(ExitCodeFor(status), Describe(step, target, status, detail, attempts), HintFor(status, target), inner)
    {
        Step = step;
        Target = target;
        Status = status;
        Detail = detail;
        Attempts = attempts;
    }

    public string Step { get; }

    public string Target { get; }

    public StatusCode Status { get; }

    /// <summary>The service's status detail.</summary>
    public string Detail { get; }

    public int Attempts { get; }

    /// <summary>
    /// True when trying again later may succeed (the service was unreachable or overloaded). RESOURCE_EXHAUSTED also
    /// reports a message over gRPC's size limit, which the same request hits every time.
    /// </summary>
    public bool IsTransient => Status is StatusCode.Unavailable ||
        (Status == StatusCode.ResourceExhausted && !Detail.Contains("exceeds the maximum configured message size", StringComparison.OrdinalIgnoreCase));

    /// <summary>UNAVAILABLE, INVALID_ARGUMENT: the names gRPC documents and logs use.</summary>
    public static string StatusName(StatusCode status) => status switch
    {
        StatusCode.OK => "OK",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        StatusCode.DataLoss => "DATA_LOSS",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static string Describe(string step, string target, StatusCode status, string detail, int attempts) =>
        $"step '{step}' at {target} failed: {StatusName(status)}" +
        (string.IsNullOrEmpty(detail) ? string.Empty : $" ({detail})") +
        (attempts == 1 ? " after 1 attempt" : $" after {attempts} attempts");

    private static ExitCode ExitCodeFor(StatusCode status) => status switch
    {
        StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.OutOfRange
            => ExitCode.InvalidInput,
        StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.Unauthenticated or StatusCode.PermissionDenied
            or StatusCode.Unimplemented => ExitCode.Unavailable,
        StatusCode.DeadlineExceeded => ExitCode.Timeout,
        _ => ExitCode.Failed,
    };

    private static string? HintFor(StatusCode status, string target) => status switch
    {
        StatusCode.Unavailable => $"is a service listening on {target}? start one with `argoflow serve` or check --target/--services",
        StatusCode.Unimplemented => $"the service on {target} does not serve this step type",
        StatusCode.DeadlineExceeded => "raise the step's timeoutSeconds or check the service's load",
        _ => null,
    };
}
