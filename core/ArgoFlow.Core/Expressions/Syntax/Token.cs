namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>One token; <see cref="From"/> is a rune offset as in expr's file.Location.</summary>
internal readonly record struct Token(TokenKind Kind, string Value, int From)
{
    public bool Is(TokenKind kind) => Kind == kind;

    public bool Is(TokenKind kind, string value) => Kind == kind && Value == value;

    /// <summary>Rendered as expr renders a token in "unexpected token ..." (Go's <c>%s(%#v)</c>).</summary>
    public override string ToString()
    {
        var kind = Kind == TokenKind.Eof ? "EOF" : Kind.ToString();
        return Value.Length == 0 ? kind : $"{kind}({GoQuote(Value)})";
    }

    internal static string GoQuote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
}
