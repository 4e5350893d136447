namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>A literal with a fraction or exponent: expr's <c>float64</c>.</summary>
public sealed record FloatNode(double Value, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [];
}
