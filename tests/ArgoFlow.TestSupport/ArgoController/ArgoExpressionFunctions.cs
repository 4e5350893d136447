using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArgoFlow.Core.Expressions;
using ArgoFlow.Core.Expressions.Evaluation;

namespace ArgoFlow.TestSupport.ArgoController;

/// <summary>
/// The functions Argo adds to expressions (util/expr/env): <c>toJson</c> (Go's json.Marshal), <c>jsonpath</c> (the
/// JSON text parsed, then a path query: <see cref="JsonPathQuery"/>), <c>asInt</c> and <c>asFloat</c>. sprig is not
/// here: a generated template that used it would fail the test with expr's unsupported-function message.
/// </summary>
public static class ArgoExpressionFunctions
{
    private static readonly JsonSerializerOptions GoJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyDictionary<string, ExpressionFunction> All { get; } = new Dictionary<string, ExpressionFunction>(StringComparer.Ordinal)
    {
        ["toJson"] = args => JsonSerializer.Serialize(One(args, "toJson"), GoJson),
        ["jsonpath"] = JsonPath,
        ["asInt"] = args => One(args, "asInt") switch
        {
            string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            var v when ExpressionValues.IsNumber(v) => (long)ExpressionValues.ToDouble(v!),
            var v => throw new ExpressionFunctionException($"asInt: cannot convert {ExpressionValues.TypeName(v)} {v} to int"),
        },
        ["asFloat"] = args => One(args, "asFloat") switch
        {
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            var v when ExpressionValues.IsNumber(v) => ExpressionValues.ToDouble(v!),
            var v => throw new ExpressionFunctionException($"asFloat: cannot convert {ExpressionValues.TypeName(v)} to float64"),
        },
    };

    private static object? JsonPath(IReadOnlyList<object?> args)
    {
        if (args.Count != 2 || args[0] is not string json || args[1] is not string path)
        {
            throw new ExpressionFunctionException("jsonpath needs (string json, string path)");
        }

        object? document;
        try
        {
            document = ExpressionValues.FromJson(json);
        }
        catch (JsonException e)
        {
            throw new ExpressionFunctionException($"jsonpath: {e.Message}");
        }

        return JsonPathQuery.Select(document, path);
    }

    private static object? One(IReadOnlyList<object?> args, string name) => args.Count == 1
        ? args[0]
        : throw new ExpressionFunctionException($"{name}: invalid number of arguments (expected 1, got {args.Count})");
}
