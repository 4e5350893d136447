namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>A map literal <c>{a: 1, 'b': 2, (expr): 3}</c>; a bare name or number key is a string.</summary>
public sealed record MapNode(IReadOnlyList<PairNode> Pairs, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => Pairs;
}
