namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>An integer literal (decimal, 0x, 0o, 0b; underscores allowed): expr's <c>int</c>.</summary>
public sealed record IntegerNode(long Value, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [];
}
