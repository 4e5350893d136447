namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>Operands: unary operators, literals, names, calls, arrays, maps and postfix member/index/slice.</summary>
internal sealed partial class ExpressionParser
{
    private ExprNode ParsePrimary()
    {
        var token = _current;
        if (token.Is(TokenKind.Operator) && ExprOperators.Unary.TryGetValue(token.Value, out var precedence))
        {
            Advance();
            var operand = ParseExpression(precedence);
            return ParsePostfix(Node(new UnaryNode(token.Value, operand, token.From)));
        }

        if (token.Is(TokenKind.Bracket, "("))
        {
            Advance();
            var inner = ParseSequence();
            Expect(TokenKind.Bracket, ")");
            return ParsePostfix(inner);
        }

        if (_predicateDepth > 0 && (token.Is(TokenKind.Operator, "#") || token.Is(TokenKind.Operator, ".")))
        {
            var name = string.Empty;
            if (token.Is(TokenKind.Operator, "#"))
            {
                Advance();
                if (_current.Is(TokenKind.Identifier))
                {
                    name = _current.Value;
                    Advance();
                }
            }

            // A leading "." stays current so that the postfix loop reads ".field" off the element.
            return ParsePostfix(Node(new PointerNode(name, token.From)));
        }

        if (token.Is(TokenKind.Operator, "::"))
        {
            Advance();
            var name = _current;
            Expect(TokenKind.Identifier);
            return ParsePostfix(ParseCall(name, []));
        }

        return ParseSecondary();
    }

    private ExprNode ParseSecondary()
    {
        var token = _current;
        ExprNode node;
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                Advance();
                switch (token.Value)
                {
                    case "true": return Node(new BoolNode(true, token.From));
                    case "false": return Node(new BoolNode(false, token.From));
                    case "nil": return Node(new NilNode(token.From));
                }

                node = _current.Is(TokenKind.Bracket, "(")
                    ? ParseCall(token, [])
                    : Node(new IdentifierNode(token.Value, token.From));
                break;
            case TokenKind.Number:
                Advance();
                return Node(NumberLiteral.Parse(token.Value, token.From) ?? throw Error(NumberLiteral.Problem(token.Value)));
            case TokenKind.String:
                Advance();
                node = Node(new StringNode(token.Value, token.From));
                break;
            case TokenKind.Bytes:
                Advance();
                node = Node(new BytesNode(token.Value, token.From));
                break;
            default:
                if (token.Is(TokenKind.Bracket, "["))
                {
                    node = ParseArray(token);
                }
                else if (token.Is(TokenKind.Bracket, "{"))
                {
                    node = ParseMap(token);
                }
                else
                {
                    throw Error($"unexpected token {token}");
                }

                break;
        }

        return ParsePostfix(node);
    }

    private CallNode ParseCall(Token name, List<ExprNode> arguments)
    {
        var callee = new IdentifierNode(name.Value, name.From);
        if (!ExprOperators.Predicates.TryGetValue(name.Value, out var shape))
        {
            return Node(new CallNode(callee, ParseArguments(arguments), name.From));
        }

        Expect(TokenKind.Bracket, "(");
        var remaining = shape[arguments.Count..];
        for (var i = 0; i < remaining.Length; i++)
        {
            var optional = char.IsUpper(remaining[i]);
            if (_current.Is(TokenKind.Bracket, ")"))
            {
                if (optional)
                {
                    break;
                }

                throw Error($"expected at least {remaining.Length} arguments");
            }

            if (i > 0)
            {
                Expect(TokenKind.Operator, ",");
            }

            arguments.Add(char.ToLowerInvariant(remaining[i]) == 'p' ? ParsePredicate() : ParseExpression(0));
        }

        if (_current.Is(TokenKind.Operator, ","))
        {
            Advance();
        }

        Expect(TokenKind.Bracket, ")");
        return Node(new CallNode(callee, arguments, name.From));
    }

    private List<ExprNode> ParseArguments(List<ExprNode> arguments)
    {
        var offset = arguments.Count;
        Expect(TokenKind.Bracket, "(");
        while (!_current.Is(TokenKind.Bracket, ")"))
        {
            if (arguments.Count > offset)
            {
                Expect(TokenKind.Operator, ",");
            }

            if (_current.Is(TokenKind.Bracket, ")"))
            {
                break;
            }

            arguments.Add(ParseExpression(0));
        }

        Expect(TokenKind.Bracket, ")");
        return arguments;
    }

    private PredicateNode ParsePredicate()
    {
        var start = _current;
        var braced = start.Is(TokenKind.Bracket, "{");
        if (braced)
        {
            Advance();
        }

        _predicateDepth++;
        var body = braced ? ParseSequence() : ParseExpression(0);
        if (!braced && _current.Is(TokenKind.Operator, ";"))
        {
            throw Error("wrap predicate with brackets { and }");
        }

        _predicateDepth--;
        if (braced)
        {
            Expect(TokenKind.Bracket, "}");
        }

        return Node(new PredicateNode(body, start.From));
    }

    private ArrayNode ParseArray(Token start)
    {
        var elements = new List<ExprNode>();
        Expect(TokenKind.Bracket, "[");
        while (!_current.Is(TokenKind.Bracket, "]"))
        {
            if (elements.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
                if (_current.Is(TokenKind.Bracket, "]"))
                {
                    break;
                }
            }

            elements.Add(ParseExpression(0));
        }

        Expect(TokenKind.Bracket, "]");
        return Node(new ArrayNode(elements, start.From));
    }

    private MapNode ParseMap(Token start)
    {
        Expect(TokenKind.Bracket, "{");
        var pairs = new List<PairNode>();
        while (!_current.Is(TokenKind.Bracket, "}"))
        {
            if (pairs.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
                if (_current.Is(TokenKind.Bracket, "}"))
                {
                    break;
                }

                if (_current.Is(TokenKind.Operator, ","))
                {
                    throw Error($"unexpected token {_current}");
                }
            }

            ExprNode key;
            if (_current.Kind is TokenKind.Number or TokenKind.String or TokenKind.Identifier)
            {
                key = Node(new StringNode(_current.Value, _current.From));
                Advance();
            }
            else if (_current.Is(TokenKind.Bracket, "("))
            {
                key = ParseExpression(0);
            }
            else
            {
                throw Error($"a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses (unexpected token {_current})");
            }

            Expect(TokenKind.Operator, ":");
            var value = ParseExpression(0);
            pairs.Add(Node(new PairNode(key, value, start.From)));
        }

        Expect(TokenKind.Bracket, "}");
        return Node(new MapNode(pairs, start.From));
    }
}
