namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>expr's token kinds (parser/lexer/token.go).</summary>
internal enum TokenKind
{
    Identifier,
    Number,
    String,
    Bytes,
    Operator,
    Bracket,
    Eof,
}
