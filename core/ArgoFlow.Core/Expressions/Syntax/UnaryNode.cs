namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>A prefix operator: <c>! not - +</c>.</summary>
public sealed record UnaryNode(string Operator, ExprNode Operand, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [Operand];
}
