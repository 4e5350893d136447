namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary><c>c ? a : b</c>, <c>c ?: b</c> (Then is the condition itself) or <c>if c { a } else { b }</c>.</summary>
public sealed record ConditionalNode(ExprNode Condition, ExprNode Then, ExprNode Else, bool Ternary, int Position)
    : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [Condition, Then, Else];
}
