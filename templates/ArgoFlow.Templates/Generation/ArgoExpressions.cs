namespace ArgoFlow.Templates.Generation;

/// <summary>The Argo template tags ArgoFlow writes.</summary>
internal static class ArgoExpressions
{
    public static string WorkflowParameter(string name) => "{{workflow.parameters." + name + "}}";

    public static string InputParameter(string name) => "{{inputs.parameters." + name + "}}";

    /// <summary>
    /// A field of an earlier DAG task's result JSON, e.g. <c>{{=jsonpath(tasks.resize.outputs.result, '$.output')}}</c>.
    /// Expression tags parse '-' as minus, so hyphenated task names are indexed: <c>tasks['find-people']</c>.
    /// </summary>
    public static string TaskResultField(string task, string field)
    {
        var reference = task.Contains('-', StringComparison.Ordinal) ? $"tasks['{task}']" : $"tasks.{task}";
        return "{{=jsonpath(" + reference + ".outputs.result, '$." + field + "')}}";
    }
}
