using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace ArgoFlow.Core.Expressions.Evaluation;

/// <summary>The expr builtins of the subset: <c>fromJSON</c> and <c>len</c> (builtin/builtin.go, builtin/lib.go).</summary>
internal static class ExpressionBuiltins
{
    public static object? Call(string name, IReadOnlyList<object?> arguments)
    {
        if (arguments.Count != 1)
        {
            throw new ExpressionFunctionException(
                $"invalid number of arguments (expected 1, got {arguments.Count.ToString(CultureInfo.InvariantCulture)})");
        }

        var argument = arguments[0];
        return name switch
        {
            "fromJSON" => FromJson(argument),
            "len" => Length(argument),
            _ => throw new ExpressionFunctionException($"unknown name {name}"),
        };
    }

    private static object? FromJson(object? argument)
    {
        if (argument is not string text)
        {
            throw new ExpressionFunctionException(
                $"cannot use {ExpressionValues.TypeName(argument)} as argument (type string) to call fromJSON");
        }

        try
        {
            return ExpressionValues.FromJson(text);
        }
        catch (JsonException e)
        {
            throw new ExpressionFunctionException($"fromJSON: the text is not valid JSON: {e.Message}");
        }
    }

    // expr counts runes in a string, not bytes.
    private static long Length(object? argument) => argument switch
    {
        string text => text.EnumerateRunes().Count(),
        IDictionary map => map.Count,
        IList list => list.Count,
        _ => throw new ExpressionFunctionException(
            $"invalid argument for len (type {ExpressionValues.TypeName(argument)})"),
    };
}
