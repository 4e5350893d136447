namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary><c>let name = value; body</c>.</summary>
public sealed record VariableDeclarationNode(string Name, ExprNode Value, ExprNode Body, int Position)
    : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => [Value, Body];
}
