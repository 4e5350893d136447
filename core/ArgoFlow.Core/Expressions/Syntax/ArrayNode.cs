namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>An array literal <c>[a, b]</c>.</summary>
public sealed record ArrayNode(IReadOnlyList<ExprNode> Elements, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => Elements;
}
