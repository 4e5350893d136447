namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>A string literal (single, double or back quotes) with its escapes resolved; also a property name.</summary>
public sealed record StringNode(string Value, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [];
}
