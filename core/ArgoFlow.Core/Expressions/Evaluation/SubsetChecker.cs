using ArgoFlow.Core.Expressions.Syntax;

namespace ArgoFlow.Core.Expressions.Evaluation;

/// <summary>
/// Finds the first construct outside the evaluated subset, in source order, before anything is evaluated: an
/// unsupported construct fails the same way whatever the data (a short-circuit must not hide it).
/// </summary>
internal static class SubsetChecker
{
    /// <summary>expr's builtins the subset evaluates; the rest of expr's builtins are named as unsupported.</summary>
    public static readonly IReadOnlySet<string> SupportedBuiltins = new HashSet<string>(StringComparer.Ordinal)
    {
        "fromJSON", "len",
    };

    public static ExpressionEvaluationException? FindUnsupported(ExpressionTree tree, IReadOnlySet<string> functions)
    {
        var stack = new Stack<ExprNode>();
        stack.Push(tree.Root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            var construct = Describe(node, functions);
            if (construct is not null)
            {
                return new ExpressionEvaluationException(
                    $"{construct} is not supported: ArgoFlow evaluates only {ArgoExpression.Subset}",
                    tree.Source, node.Position, construct);
            }

            // A supported call's callee is a function name, not a value to check.
            var children = node is CallNode call ? call.Arguments : node.Children;
            foreach (var child in children.Reverse())
            {
                stack.Push(child);
            }
        }

        return null;
    }

    private static string? Describe(ExprNode node, IReadOnlySet<string> functions) => node switch
    {
        NilNode or BoolNode or IntegerNode or FloatNode or StringNode or IdentifierNode or ArrayNode or MapNode
            or PairNode => null,
        UnaryNode { Operator: "!" or "not" or "-" or "+" } => null,
        BinaryNode binary => DescribeOperator(binary.Operator),
        MemberNode { Optional: true } or ChainNode => "optional chaining '?.'",
        MemberNode { Method: true } => "a method call",
        MemberNode => null,
        CallNode call => DescribeCall(call, functions),
        BytesNode => "a bytes literal b'...'",
        SliceNode => "slicing 'a[i:j]'",
        ConditionalNode { Ternary: true } => "the ternary operator '?:'",
        ConditionalNode => "'if ... else'",
        PredicateNode or PointerNode => "a closure (predicate with '#')",
        SequenceNode => "a sequence of expressions ';'",
        VariableDeclarationNode => "a 'let' variable",
        _ => $"the construct {node.GetType().Name}",
    };

    private static string? DescribeOperator(string op) => op switch
    {
        "==" or "!=" or "<" or "<=" or ">" or ">=" or "&&" or "||" or "and" or "or" or "in" or "contains"
            or "startsWith" or "endsWith" => null,
        "+" or "-" or "*" or "/" or "%" or "**" or "^" => $"the arithmetic operator '{op}'",
        ".." => "the range operator '..'",
        "??" => "the nil-coalescing operator '??'",
        "matches" => "the 'matches' operator (regular expressions)",
        _ => $"the operator '{op}'",
    };

    private static string? DescribeCall(CallNode call, IReadOnlySet<string> functions)
    {
        var name = call.FunctionName;
        if (name is null)
        {
            return "a method call";
        }

        return functions.Contains(name) || SupportedBuiltins.Contains(name) ? null : $"the function '{name}'";
    }
}
