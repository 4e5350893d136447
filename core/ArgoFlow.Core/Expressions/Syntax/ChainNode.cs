namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>The whole of an optional chain <c>a?.b</c>: a nil anywhere in it makes it nil.</summary>
public sealed record ChainNode(ExprNode Node, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [Node];
}
