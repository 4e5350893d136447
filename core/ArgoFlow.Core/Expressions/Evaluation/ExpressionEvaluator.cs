using System.Collections;
using ArgoFlow.Core.Expressions.Syntax;

namespace ArgoFlow.Core.Expressions.Evaluation;

/// <summary>
/// Walks a tree that <see cref="SubsetChecker"/> has accepted, with expr's runtime semantics: missing map keys are
/// nil, negative list indexes count from the end, <c>&amp;&amp;</c> and <c>||</c> short-circuit, <c>in</c> looks in
/// lists by equality and in maps by key.
/// </summary>
internal sealed class ExpressionEvaluator(string source, ExpressionEnvironment environment)
{
    public object? Evaluate(ExprNode node) => node switch
    {
        NilNode => null,
        BoolNode b => b.Value,
        IntegerNode i => i.Value,
        FloatNode f => f.Value,
        StringNode s => s.Value,
        IdentifierNode identifier => environment.Variables.TryGetValue(identifier.Name, out var value)
            ? value
            : throw Fail(node, $"unknown name {identifier.Name}"),
        MemberNode member => Fetch(Evaluate(member.Target), Evaluate(member.Property), member),
        UnaryNode unary => Unary(unary),
        BinaryNode binary => Binary(binary),
        CallNode call => Call(call),
        ArrayNode array => array.Elements.Select(Evaluate).ToList(),
        MapNode map => Map(map),
        _ => throw Fail(node, $"the construct {node.GetType().Name} is not supported"),
    };

    private object? Fetch(object? from, object? key, ExprNode node)
    {
        switch (from)
        {
            case null:
                throw Fail(node, $"cannot fetch {Show(key)} from <nil>");
            case IDictionary map:
                if (key is not (string or null))
                {
                    throw Fail(node, $"cannot use {ExpressionValues.TypeName(key)} as a key of {ExpressionValues.TypeName(from)}");
                }

                var name = (string?)key ?? string.Empty;
                return map.Contains(name) ? map[name] : null;
            case IList list:
                if (!ExpressionValues.IsNumber(key))
                {
                    throw Fail(node, $"invalid operation: int({ExpressionValues.TypeName(key)})");
                }

                var index = (long)ExpressionValues.ToDouble(key!);
                var position = index < 0 ? list.Count + index : index;
                return position >= 0 && position < list.Count
                    ? list[(int)position]
                    : throw Fail(node, $"index out of range: {position} (array length is {list.Count})");
            case string:
                throw Fail(node, "indexing into a string is not supported: ArgoFlow evaluates only " + ArgoExpression.Subset);
            default:
                throw Fail(node, $"cannot fetch {Show(key)} from {ExpressionValues.TypeName(from)}");
        }
    }

    private object? Unary(UnaryNode unary)
    {
        var operand = Evaluate(unary.Operand);
        return unary.Operator switch
        {
            "!" or "not" => operand is bool b
                ? !b
                : throw Fail(unary, $"invalid operation: {unary.Operator} {ExpressionValues.TypeName(operand)}"),
            "-" when ExpressionValues.IsInteger(operand) => -ExpressionValues.ToInt64(operand!),
            "-" when operand is double or float or decimal => -ExpressionValues.ToDouble(operand),
            "+" when ExpressionValues.IsNumber(operand) => operand,
            _ => throw Fail(unary, $"invalid operation: {unary.Operator} {ExpressionValues.TypeName(operand)}"),
        };
    }

    private bool Binary(BinaryNode binary)
    {
        switch (binary.Operator)
        {
            case "&&" or "and":
                return Bool(binary, Evaluate(binary.Left)) && Bool(binary, Evaluate(binary.Right));
            case "||" or "or":
                return Bool(binary, Evaluate(binary.Left)) || Bool(binary, Evaluate(binary.Right));
        }

        var left = Evaluate(binary.Left);
        var right = Evaluate(binary.Right);
        switch (binary.Operator)
        {
            case "==":
                return ExpressionValues.Equal(left, right);
            case "!=":
                return !ExpressionValues.Equal(left, right);
            case "in":
                return In(binary, left, right);
            case "contains" or "startsWith" or "endsWith":
                if (left is not string text || right is not string part)
                {
                    throw Fail(binary, $"invalid operation: {ExpressionValues.TypeName(left)} {binary.Operator} {ExpressionValues.TypeName(right)} (both must be strings)");
                }

                return binary.Operator switch
                {
                    "contains" => text.Contains(part, StringComparison.Ordinal),
                    "startsWith" => text.StartsWith(part, StringComparison.Ordinal),
                    _ => text.EndsWith(part, StringComparison.Ordinal),
                };
            default:
                var order = ExpressionValues.Compare(left, right)
                    ?? throw Fail(binary, $"invalid operation: {ExpressionValues.TypeName(left)} {binary.Operator} {ExpressionValues.TypeName(right)}");
                return binary.Operator switch
                {
                    "<" => order < 0,
                    "<=" => order <= 0,
                    ">" => order > 0,
                    _ => order >= 0,
                };
        }
    }

    private bool In(BinaryNode node, object? needle, object? haystack) => haystack switch
    {
        null => false,
        IDictionary map when needle is string or null => map.Contains((string?)needle ?? string.Empty),
        IDictionary map => throw Fail(node, $"cannot use {ExpressionValues.TypeName(needle)} as a key of {ExpressionValues.TypeName(map)}"),
        IList list => list.Cast<object?>().Any(element => ExpressionValues.Equal(element, needle)),
        _ => throw Fail(node, $"operator \"in\" not defined on {ExpressionValues.TypeName(haystack)}"),
    };

    private bool Bool(BinaryNode node, object? value) => value as bool? ??
        throw Fail(node, $"invalid operation: the operands of {node.Operator} must be bool, got {ExpressionValues.TypeName(value)}");

    private object? Call(CallNode call)
    {
        var name = call.FunctionName!;
        var arguments = call.Arguments.Select(Evaluate).ToList();
        try
        {
            return environment.Functions.TryGetValue(name, out var function)
                ? function(arguments)
                : ExpressionBuiltins.Call(name, arguments);
        }
        catch (ExpressionFunctionException e)
        {
            throw Fail(call, e.Message);
        }
    }

    private Dictionary<string, object?> Map(MapNode map)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in map.Pairs)
        {
            var key = Evaluate(pair.Key) as string
                ?? throw Fail(pair.Key, "map keys must be strings: ArgoFlow evaluates only " + ArgoExpression.Subset);
            result[key] = Evaluate(pair.Value);
        }

        return result;
    }

    private static string Show(object? value) => value switch
    {
        null => "<nil>",
        bool b => b ? "true" : "false",
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private ExpressionEvaluationException Fail(ExprNode node, string reason) => new(reason, source, node.Position);
}
