namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>A closure argument of <c>all</c>, <c>filter</c>, <c>map</c> and the other predicate builtins.</summary>
public sealed record PredicateNode(ExprNode Body, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [Body];
}
