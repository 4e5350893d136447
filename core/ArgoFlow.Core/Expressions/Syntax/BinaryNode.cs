namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>An infix operator, e.g. <c>==</c>, <c>in</c>, <c>contains</c>, <c>&amp;&amp;</c>, <c>..</c>, <c>??</c>.</summary>
public sealed record BinaryNode(string Operator, ExprNode Left, ExprNode Right, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [Left, Right];
}
