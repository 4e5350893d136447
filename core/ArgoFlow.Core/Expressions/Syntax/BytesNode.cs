namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>A bytes literal <c>b'...'</c>.</summary>
public sealed record BytesNode(string Value, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [];
}
