namespace ArgoFlow.Services.Errors;

/// <summary>
/// An anticipated failure of a step call. <see cref="Exception.Message"/> is safe to send to the caller: it names
/// the field or object and never contains a stack trace or a credential.
/// </summary>
public sealed class StepException : Exception
{
    public StepException(StepFailure failure, string message, string? field = null, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        Field = field;
    }

    public StepFailure Failure { get; }

    /// <summary>The request field (proto JSON name) at fault, for <see cref="StepFailure.InvalidArgument"/>.</summary>
    public string? Field { get; }

    public static StepException Invalid(string field, string message) =>
        new(StepFailure.InvalidArgument, $"{field}: {message}", field);

    public static StepException NotFound(string uri) =>
        new(StepFailure.NotFound, $"object not found: {uri}");

    public static StepException Undecodable(string uri, string why) =>
        new(StepFailure.Undecodable, $"{uri} is not a decodable image: {why}");

    public static StepException TooLarge(string uri, string why) =>
        new(StepFailure.TooLarge, $"{uri} is over the limit: {why}");

    public static StepException Conflict(string message) =>
        new(StepFailure.Conflict, message);

    public static StepException Unavailable(string what, Exception? inner = null) =>
        new(StepFailure.StorageUnavailable, $"storage unavailable: {what}", inner: inner);
}
