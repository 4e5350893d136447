namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>The literal <c>true</c> or <c>false</c>.</summary>
public sealed record BoolNode(bool Value, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [];
}
