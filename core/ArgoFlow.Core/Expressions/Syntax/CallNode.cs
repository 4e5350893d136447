namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>
/// A call: <c>len(x)</c> (Callee an <see cref="IdentifierNode"/>), <c>sprig.trim(x)</c> (Callee a
/// <see cref="MemberNode"/> with Method set) or the right side of a pipe <c>x | f()</c> (x is the first argument).
/// </summary>
public sealed record CallNode(ExprNode Callee, IReadOnlyList<ExprNode> Arguments, int Position) : ExprNode(Position)
{
    public override IEnumerable<ExprNode> Children => Arguments.Prepend(Callee);

    /// <summary>The called name as written: <c>fromJSON</c>, <c>sprig.trim</c>; null for any other callee.</summary>
    public string? FunctionName => Callee switch
    {
        IdentifierNode identifier => identifier.Name,
        MemberNode { Target: IdentifierNode owner, Property: StringNode name, Optional: false } =>
            owner.Name + "." + name.Value,
        _ => null,
    };
}
