namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>Postfix operators after an operand: <c>.name</c>, <c>?.name</c>, <c>[index]</c>, <c>[from:to]</c>, calls.</summary>
internal sealed partial class ExpressionParser
{
    private ExprNode ParsePostfix(ExprNode node)
    {
        var postfix = _current;
        while (postfix.Is(TokenKind.Operator) || postfix.Is(TokenKind.Bracket))
        {
            var optional = postfix.Value == "?.";
            if (optional || postfix.Value == ".")
            {
                Advance();
                if (optional && _current.Is(TokenKind.Bracket, "["))
                {
                    // a?.[i]: the index form of optional chaining.
                    node = ParseIndex(node, _current, optional: true);
                }
                else
                {
                    node = ParseProperty(node, optional);
                }
            }
            else if (postfix.Value == "[")
            {
                node = ParseIndex(node, postfix, optional: false);
            }
            else
            {
                break;
            }

            postfix = _current;
        }

        return node;
    }

    private ExprNode ParseProperty(ExprNode node, bool optional)
    {
        var property = _current;
        Advance();
        if (property.Kind != TokenKind.Identifier &&
            (property.Kind != TokenKind.Operator || !IsValidIdentifier(property.Value)))
        {
            throw Error("expected name");
        }

        var name = Node(new StringNode(property.Value, property.From));
        var isChain = node is ChainNode;
        if (node is ChainNode chain)
        {
            node = chain.Node;
        }

        var member = Node(new MemberNode(node, name, optional, Method: false, property.From));
        ExprNode result = _current.Is(TokenKind.Bracket, "(")
            ? Node(new CallNode(member with { Method = true }, ParseArguments([]), property.From))
            : member;
        return isChain || optional ? Node(new ChainNode(result, property.From)) : result;
    }

    private ExprNode ParseIndex(ExprNode node, Token bracket, bool optional)
    {
        Advance();
        if (_current.Is(TokenKind.Operator, ":"))
        {
            Advance();
            var to = _current.Is(TokenKind.Bracket, "]") ? null : ParseExpression(0);
            var slice = Node(new SliceNode(node, null, to, bracket.From));
            Expect(TokenKind.Bracket, "]");
            return slice;
        }

        var from = ParseExpression(0);
        if (_current.Is(TokenKind.Operator, ":"))
        {
            Advance();
            var to = _current.Is(TokenKind.Bracket, "]") ? null : ParseExpression(0);
            var slice = Node(new SliceNode(node, from, to, bracket.From));
            Expect(TokenKind.Bracket, "]");
            return slice;
        }

        ExprNode member = Node(new MemberNode(node, from, optional, Method: false, bracket.From));
        if (optional)
        {
            member = Node(new ChainNode(member, bracket.From));
        }

        Expect(TokenKind.Bracket, "]");
        return member;
    }

    private static bool IsValidIdentifier(string value)
    {
        if (value.Length == 0 || char.IsDigit(value[0]) || !ExpressionLexer.IsAlphaNumeric(value[0]))
        {
            return false;
        }

        return value.All(c => ExpressionLexer.IsAlphaNumeric(c));
    }
}
