namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>One <c>key: value</c> of a map literal.</summary>
public sealed record PairNode(ExprNode Key, ExprNode Value, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [Key, Value];
}
