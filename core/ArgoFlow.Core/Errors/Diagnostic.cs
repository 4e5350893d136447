namespace ArgoFlow.Core.Errors;

/// <summary>One validation problem: where (file:line:column and the document path) and what is expected.</summary>
public sealed record Diagnostic(SourceLocation Location, string Path, string Message)
{
    /// <summary>Formats as <c>file:line:col: spec.steps[2].with.width: must be &gt;= 1</c>.</summary>
    public override string ToString() =>
        string.IsNullOrEmpty(Path) ? $"{Location}: {Message}" : $"{Location}: {Path}: {Message}";
}
