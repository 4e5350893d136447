namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary><c>a[from:to]</c> with either bound optional.</summary>
public sealed record SliceNode(ExprNode Target, ExprNode? From, ExprNode? To, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children =>
        new[] { Target, From, To }.Where(n => n is not null).Select(n => n!);
}
