namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>The literal <c>nil</c>.</summary>
public sealed record NilNode(int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [];
}
