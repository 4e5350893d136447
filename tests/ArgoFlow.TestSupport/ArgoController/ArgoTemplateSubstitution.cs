using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArgoFlow.Core.Expressions;

namespace ArgoFlow.TestSupport.ArgoController;

/// <summary>
/// Argo's tag substitution (util/template) on a template serialized as JSON: the text between <c>{{</c> and the next
/// <c>}}</c> is a tag; <c>{{=EXPR}}</c> is evaluated with expr (ArgoFlow's evaluator, plus the functions Argo adds:
/// <see cref="ArgoExpressionFunctions"/>) over the scope expanded by dots; any other tag is looked up by name. Either
/// result is written with the escaping the enclosing JSON string needs, as Argo does (json.Marshal, then strconv.Quote
/// for a non-string). An unknown name fails as Argo's strict substitution does.
/// </summary>
public static class ArgoTemplateSubstitution
{
    private static readonly JsonSerializerOptions GoJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Substitute(string templateJson, IReadOnlyDictionary<string, string> scope)
    {
        ArgumentNullException.ThrowIfNull(templateJson);
        ArgumentNullException.ThrowIfNull(scope);
        var text = new StringBuilder(templateJson.Length);
        var position = 0;
        while (true)
        {
            var open = templateJson.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : templateJson.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                return text.Append(templateJson, position, templateJson.Length - position).ToString();
            }

            text.Append(templateJson, position, open - position);
            var tag = templateJson[(open + 2)..close];
            text.Append(tag.StartsWith('=') ? Expression(tag[1..], scope) : Simple(tag, scope));
            position = close + 2;
        }
    }

    /// <summary>The value of one expression over the scope (for a task's when, or a test).</summary>
    public static object? Evaluate(string expression, IReadOnlyDictionary<string, string> scope)
    {
        var environment = new ExpressionEnvironment(ArgoScope.Expand(scope), ArgoExpressionFunctions.All);
        return ArgoExpression.Evaluate(ArgoExpression.Parse(expression), environment);
    }

    private static string Simple(string tag, IReadOnlyDictionary<string, string> scope) =>
        scope.TryGetValue(tag.Trim(), out var value)
            ? InJsonString(value)
            : throw new ArgoSubstitutionException($"failed to resolve {{{{{tag}}}}}");

    private static string Expression(string escaped, IReadOnlyDictionary<string, string> scope)
    {
        // The template is JSON text: undo the string escapes before parsing, as Argo does.
        var expression = JsonSerializer.Deserialize<string>("\"" + escaped + "\"")!;
        object? result;
        try
        {
            result = Evaluate(expression, scope);
        }
        catch (Exception e) when (e is ExpressionSyntaxException or ExpressionEvaluationException)
        {
            throw new ArgoSubstitutionException($"failed to evaluate expression: {e.Message}");
        }

        if (result is null)
        {
            throw new ArgoSubstitutionException($"failed to evaluate expression \"{escaped}\"");
        }

        var marshaled = JsonSerializer.Serialize(result, GoJson);
        return result is string ? marshaled[1..^1] : InJsonString(marshaled);
    }

    private static string InJsonString(string value) => JsonSerializer.Serialize(value, GoJson)[1..^1];
}
