namespace ArgoFlow.Services.Errors;

/// <summary>
/// Why a step failed, independent of the transport. The gRPC interceptor maps each kind to exactly one status
/// code (see <see cref="StepFailureStatus"/>); in-process callers read it directly.
/// </summary>
public enum StepFailure
{
    /// <summary>A request field is missing, out of range or malformed (INVALID_ARGUMENT, names the field).</summary>
    InvalidArgument,

    /// <summary>The referenced object does not exist in the store (NOT_FOUND).</summary>
    NotFound,

    /// <summary>The object exists but is not an image OpenCV can decode, or it is truncated (FAILED_PRECONDITION).</summary>
    Undecodable,

    /// <summary>The image or object is larger than the configured limits (FAILED_PRECONDITION).</summary>
    TooLarge,

    /// <summary>
    /// The store's state rules the call out however often it is retried: a folder where an object is expected, an
    /// object in the way of an output's folder, a read-only object, an output the encoder cannot hold
    /// (FAILED_PRECONDITION).
    /// </summary>
    Conflict,

    /// <summary>The store cannot be reached or refused the call (UNAVAILABLE).</summary>
    StorageUnavailable,

    /// <summary>The service is at its concurrency and queue limit and sheds the call (RESOURCE_EXHAUSTED).</summary>
    Overloaded,

    /// <summary>The service has not finished warming up or is shutting down (UNAVAILABLE).</summary>
    NotReady,
}
