namespace ArgoFlow.Core.Errors;

/// <summary>Invalid input with every problem found, not just the first.</summary>
public sealed class ValidationException : ArgoFlowException
{
    public ValidationException(IReadOnlyList<Diagnostic> diagnostics)
        : base(ExitCode.InvalidInput, Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Count == 1
            ? diagnostics[0].ToString()
            : $"{diagnostics.Count} problems:{Environment.NewLine}  " +
              string.Join(Environment.NewLine + "  ", diagnostics);
}
