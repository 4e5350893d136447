namespace ArgoFlow.Templates.Generation;

/// <summary>The Argo template tags ArgoFlow writes.</summary>
internal static class ArgoExpressions
{
    private static readonly HashSet<string> OperatorWords = new(StringComparer.Ordinal)
    {
        "not", "in", "or", "and", "matches", "contains", "startsWith", "endsWith", "let", "if", "else",
    };

    public static string WorkflowParameter(string name) => "{{workflow.parameters." + name + "}}";

    public static string InputParameter(string name) => "{{inputs.parameters." + name + "}}";

    /// <summary>
    /// A workflow parameter as a complete JSON string literal, quotes included: <c>{{=toJson(workflow.parameters.x)}}</c>.
    /// For text inside an http template's JSON body, where a simple tag would be pasted in raw and a value holding
    /// <c>"</c> or <c>\</c> would break the body. <c>toJson</c> is one of the functions Argo adds to expression tags
    /// (docs/variables.md upstream).
    /// </summary>
    public static string WorkflowParameterAsJson(string name) => "{{=toJson(" + Variable("workflow.parameters", name) + ")}}";

    /// <summary>A template input parameter as a complete JSON string literal; see <see cref="WorkflowParameterAsJson"/>.</summary>
    public static string InputParameterAsJson(string name) => "{{=toJson(" + Variable("inputs.parameters", name) + ")}}";

    /// <summary>
    /// A field of an earlier DAG task's result JSON, e.g. <c>{{=jsonpath(tasks.resize.outputs.result, '$.output')}}</c>.
    /// </summary>
    public static string TaskResultField(string task, string field) =>
        "{{=jsonpath(" + Variable("tasks", task) + ".outputs.result, '$." + field + "')}}";

    /// <summary>
    /// A name inside an expression tag: <c>map.name</c> when expr reads <c>name</c> as an identifier, else
    /// <c>map['name']</c>. expr's lexer (parser/lexer/state.go, parser/utils/utils.go in expr-lang/expr v1.17)
    /// reads an identifier as a letter, '_' or '$' followed by letters, digits, '_' or '$': a hyphen is a minus and a
    /// leading digit starts a number (<c>workflow.parameters.2nd</c> fails with "bad number syntax"). Operator words
    /// (<c>in</c>, <c>matches</c>...) are indexed too, because older expr versions do not accept them after a dot.
    /// Names reaching here are spec parameter and step names (letters, digits, '_' and '-'), so no quote needs escaping.
    /// </summary>
    internal static string Variable(string map, string name) =>
        IsIdentifier(name) ? $"{map}.{name}" : $"{map}['{name}']";

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && !OperatorWords.Contains(name) &&
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
