namespace ArgoFlow.Core.Errors;

/// <summary>
/// An anticipated failure with a message meant for the user. The CLI prints <c>error: Message</c> (and
/// <c>hint: Hint</c>) and exits with <see cref="ExitCode"/>; no stack trace unless --verbose.
/// </summary>
public class ArgoFlowException : Exception
{
    public ArgoFlowException(ExitCode exitCode, string message, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
        Hint = hint;
    }

    public ExitCode ExitCode { get; }

    public string? Hint { get; }
}
