namespace ArgoFlow.Core.Errors;

/// <summary>A 1-based position in a source file, printed as <c>file:line:column</c>.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
