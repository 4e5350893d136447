namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>
/// A node of an expr-lang (github.com/expr-lang/expr v1.17) syntax tree. <see cref="Position"/> is the offset in
/// runes of the token that made the node, as expr counts it, so errors point where expr's would.
/// </summary>
public abstract record ExprNode(int Position)
{
    /// <summary>The direct children in source order, for walkers such as the generator's expression checks.</summary>
    public abstract IEnumerable<ExprNode> Children { get; }

    /// <summary>This node and all its descendants, depth first.</summary>
    public IEnumerable<ExprNode> DescendantsAndSelf()
    {
        var stack = new Stack<ExprNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in node.Children.Reverse())
            {
                stack.Push(child);
            }
        }
    }
}
