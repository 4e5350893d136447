namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>A name looked up in the environment, e.g. <c>response</c>.</summary>
public sealed record IdentifierNode(string Name, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [];
}
