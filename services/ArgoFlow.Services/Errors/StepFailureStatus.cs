using Grpc.Core;

namespace ArgoFlow.Services.Errors;

/// <summary>The one place a <see cref="StepFailure"/> becomes a gRPC status code (house style, gRPC section).</summary>
public static class StepFailureStatus
{
    public static StatusCode ToStatusCode(this StepFailure failure) => failure switch
    {
        StepFailure.InvalidArgument => StatusCode.InvalidArgument,
        StepFailure.NotFound => StatusCode.NotFound,
        StepFailure.Undecodable => StatusCode.FailedPrecondition,
        StepFailure.TooLarge => StatusCode.FailedPrecondition,
        StepFailure.Conflict => StatusCode.FailedPrecondition,
        StepFailure.StorageUnavailable => StatusCode.Unavailable,
        StepFailure.Overloaded => StatusCode.ResourceExhausted,
        StepFailure.NotReady => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };
}
