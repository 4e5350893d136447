namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>
/// expr's Pratt parser (parser/parser.go, v1.17): the same grammar, precedences, desugarings (chained comparisons
/// become <c>&amp;&amp;</c>, <c>not in</c> a <c>not</c> over <c>in</c>) and first-error messages. It parses the whole
/// language - closures, pipes, slices, <c>let</c>, <c>if/else</c> - so every expression Argo accepts parses here,
/// even where ArgoFlow's evaluator declines to evaluate it.
/// </summary>
internal sealed partial class ExpressionParser
{
    /// <summary>expr's conf.DefaultMaxNodes.</summary>
    public const int MaxNodes = 10_000;

    /// <summary>
    /// Our own bound on nesting (expr has none): deep enough for any real expression, shallow enough that hostile
    /// input such as ten thousand '(' fails with a message instead of overflowing the stack.
    /// </summary>
    public const int MaxNesting = 256;

    private readonly string _source;
    private readonly ExpressionLexer _lexer;
    private Token _current, _stashed;
    private bool _hasStash;
    private int _predicateDepth, _nesting, _nodes;

    private ExpressionParser(string source)
    {
        _source = source;
        _lexer = new ExpressionLexer(source);
    }

    public static ExprNode Parse(string source)
    {
        var parser = new ExpressionParser(source);
        parser.Advance();
        var node = parser.ParseSequence();
        if (!parser._current.Is(TokenKind.Eof))
        {
            throw parser.Error($"unexpected token {parser._current}");
        }

        return node;
    }

    private void Advance()
    {
        if (_hasStash)
        {
            _current = _stashed;
            _hasStash = false;
            return;
        }

        _current = _lexer.Next() ?? throw Error("unexpected end of expression");
    }

    private void Expect(TokenKind kind, string? value = null)
    {
        if (value is null ? _current.Is(kind) : _current.Is(kind, value))
        {
            Advance();
            return;
        }

        throw Error($"unexpected token {_current}");
    }

    private ExpressionSyntaxException Error(string reason) => ErrorAt(_current, reason);

    private ExpressionSyntaxException ErrorAt(Token token, string reason) => new(reason, _source, token.From);

    private T Node<T>(T node)
        where T : ExprNode
    {
        if (++_nodes > MaxNodes)
        {
            throw Error("compilation failed: expression exceeds maximum allowed nodes");
        }

        return node;
    }

    private ExprNode ParseSequence()
    {
        var nodes = new List<ExprNode> { ParseExpression(0) };
        while (_current.Is(TokenKind.Operator, ";"))
        {
            Advance();
            if (_current.Is(TokenKind.Eof))
            {
                break;
            }

            nodes.Add(ParseExpression(0));
        }

        return nodes.Count == 1 ? nodes[0] : Node(new SequenceNode(nodes, nodes[0].Position));
    }

    private ExprNode ParseExpression(int precedence)
    {
        if (++_nesting > MaxNesting)
        {
            throw Error($"expression nests deeper than {MaxNesting} levels");
        }

        try
        {
            return ParseExpressionCore(precedence);
        }
        finally
        {
            _nesting--;
        }
    }

    private ExprNode ParseExpressionCore(int precedence)
    {
        if (precedence == 0 && _current.Is(TokenKind.Operator, "let"))
        {
            return ParseVariableDeclaration();
        }

        if (precedence == 0 && _current.Is(TokenKind.Operator, "if"))
        {
            return ParseConditionalIf();
        }

        var left = ParsePrimary();
        var previousOperator = string.Empty;
        var opToken = _current;
        while (opToken.Is(TokenKind.Operator))
        {
            var negate = opToken.Is(TokenKind.Operator, "not");
            var notToken = default(Token);
            if (negate)
            {
                var backup = _current;
                Advance();
                if (!ExprOperators.AllowedNegateSuffix(_current.Value))
                {
                    throw Error($"unexpected token {_current}");
                }

                if (ExprOperators.Binary.TryGetValue(_current.Value, out var suffix) && suffix.Precedence >= precedence)
                {
                    notToken = _current;
                    opToken = _current;
                }
                else
                {
                    // A looser context owns this "not in": hand the tokens back to it.
                    _hasStash = true;
                    _stashed = _current;
                    _current = backup;
                    break;
                }
            }

            if (!ExprOperators.Binary.TryGetValue(opToken.Value, out var op) || op.Precedence < precedence)
            {
                break;
            }

            Advance();
            if (opToken.Value == "|")
            {
                var name = _current;
                Expect(TokenKind.Identifier);
                left = ParseCall(name, [left]);
            }
            else if (previousOperator == "??" && opToken.Value != "??")
            {
                throw ErrorAt(opToken, $"Operator ({opToken.Value}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.");
            }
            else if (ExprOperators.IsComparison(opToken.Value))
            {
                left = ParseComparison(left, opToken, op.Precedence);
            }
            else
            {
                var right = ParseExpression(op.RightAssociative ? op.Precedence : op.Precedence + 1);
                left = Node(new BinaryNode(opToken.Value, left, right, opToken.From));
                if (negate)
                {
                    left = Node(new UnaryNode("not", left, notToken.From));
                }
            }

            previousOperator = opToken.Value;
            opToken = _current;
        }

        return precedence == 0 ? ParseConditional(left) : left;
    }

    // a < b < c means a < b && b < c.
    private ExprNode ParseComparison(ExprNode left, Token token, int precedence)
    {
        ExprNode? root = null;
        while (true)
        {
            var comparator = ParseExpression(precedence + 1);
            var comparison = Node(new BinaryNode(token.Value, left, comparator, token.From));
            root = root is null ? comparison : Node(new BinaryNode("&&", root, comparison, token.From));
            left = comparator;
            token = _current;
            if (!(token.Is(TokenKind.Operator) && ExprOperators.IsComparison(token.Value)))
            {
                return root;
            }

            Advance();
        }
    }

    private ExprNode ParseConditional(ExprNode node)
    {
        while (_current.Is(TokenKind.Operator, "?"))
        {
            Advance();
            ExprNode then, otherwise;
            if (!_current.Is(TokenKind.Operator, ":"))
            {
                then = ParseExpression(0);
                Expect(TokenKind.Operator, ":");
                otherwise = ParseExpression(0);
            }
            else
            {
                Advance();
                then = node;
                otherwise = ParseExpression(0);
            }

            node = Node(new ConditionalNode(node, then, otherwise, Ternary: true, _current.From));
        }

        return node;
    }

    private ConditionalNode ParseConditionalIf()
    {
        var start = _current;
        Advance();
        var condition = ParseExpression(0);
        Expect(TokenKind.Bracket, "{");
        var then = ParseSequence();
        Expect(TokenKind.Bracket, "}");
        Expect(TokenKind.Operator, "else");
        ExprNode otherwise;
        if (_current.Is(TokenKind.Operator, "if"))
        {
            otherwise = ParseConditionalIf();
        }
        else
        {
            Expect(TokenKind.Bracket, "{");
            otherwise = ParseSequence();
            Expect(TokenKind.Bracket, "}");
        }

        return new ConditionalNode(condition, then, otherwise, Ternary: false, start.From);
    }

    private VariableDeclarationNode ParseVariableDeclaration()
    {
        Expect(TokenKind.Operator, "let");
        var name = _current;
        Expect(TokenKind.Identifier);
        Expect(TokenKind.Operator, "=");
        var value = ParseExpression(0);
        Expect(TokenKind.Operator, ";");
        var body = ParseSequence();
        return Node(new VariableDeclarationNode(name.Value, value, body, name.From));
    }
}
