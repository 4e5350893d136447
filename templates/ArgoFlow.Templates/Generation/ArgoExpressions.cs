namespace ArgoFlow.Templates.Generation;

/// <summary>The Argo template tags ArgoFlow writes.</summary>
internal static class ArgoExpressions
{
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

    /// <summary>Expression tags parse '-' as minus, so hyphenated names are indexed: <c>tasks['find-people']</c>.</summary>
    private static string Variable(string map, string name) =>
        name.Contains('-', StringComparison.Ordinal) ? $"{map}['{name}']" : $"{map}.{name}";
}
