namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>
/// <c>a.b</c> (Property is a <see cref="StringNode"/>), <c>a[expr]</c>, or their optional forms <c>a?.b</c>;
/// <see cref="Method"/> when it is the callee of a call <c>a.b(...)</c>.
/// </summary>
public sealed record MemberNode(ExprNode Target, ExprNode Property, bool Optional, bool Method, int Position)
    : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [Target, Property];
}
