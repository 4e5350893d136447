namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary><c>#</c>, <c>#name</c> or a leading <c>.</c> inside a predicate: the current element.</summary>
public sealed record PointerNode(string Name, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [];
}
