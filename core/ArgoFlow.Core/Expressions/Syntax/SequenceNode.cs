namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary><c>a; b</c>: the value of the last expression.</summary>
public sealed record SequenceNode(IReadOnlyList<ExprNode> Expressions, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => Expressions;
}
