using System.Text.RegularExpressions;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>
/// Resolves Argo template tags. Simple tags (<c>{{inputs.parameters.x}}</c>) must name a known variable;
/// expression tags (<c>{{=jsonpath(tasks.a.outputs.result, '$.b')}}</c>) are scanned for the parameters, tasks
/// and steps they read. A hyphenated name written with a dot inside an expression is reported: expr reads
/// <c>tasks.find-people</c> as a subtraction, so it must be <c>tasks['find-people']</c>.
/// </summary>
internal sealed partial class TagChecker(SpecReadContext context, IReadOnlySet<string>? workflowParameters)
{
    /// <summary>
    /// workflow/common GlobalVarValidWorkflowVariablePrefix: the only roots validate.go resolves. Argo leaves any other
    /// tag as text (it may be another tool's placeholder), so lint reports one only when its root is a near miss of
    /// a root Argo fills (<c>workflw.name</c>).
    /// </summary>
    private static readonly string[] CheckedPrefixes = ["item.", "steps.", "inputs.", "outputs.", "pod.", "workflow.", "tasks."];

    /// <summary>
    /// Roots of the variables Argo fills (util/variables/keys): the checked ones, plus those filled at run time where
    /// they apply - metrics (duration, status, exitCode, resourcesDuration.*), retries (retries, lastRetry.*), the node
    /// context (node.name) and CronWorkflows (cronworkflow.*).
    /// </summary>
    private static readonly string[] KnownRoots =
        ["item", "steps", "inputs", "outputs", "pod", "workflow", "tasks", "retries", "lastRetry", "duration", "status", "exitCode", "resourcesDuration", "node", "cronworkflow"];

    public void CheckTree(YNode node, string path, TagScope scope)
    {
        switch (node)
        {
            case YScalar scalar when scalar.Value.Contains("{{", StringComparison.Ordinal):
                Check(scalar, path, scope);
                break;
            case YMapping mapping:
                foreach (var (key, value) in mapping.Entries)
                {
                    CheckTree(value, path + "." + key.Value, scope);
                }

                break;
            case YSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    CheckTree(sequence.Items[i], SpecReadContext.Index(path, i), scope);
                }

                break;
        }
    }

    private void Check(YScalar scalar, string path, TagScope scope)
    {
        foreach (Match tag in Tag().Matches(scalar.Value))
        {
            var body = tag.Groups[1].Value.Trim();
            if (body.StartsWith('='))
            {
                CheckExpression(scalar, path, body[1..], scope);
            }
            else
            {
                CheckSimple(scalar, path, body, scope);
            }
        }
    }

    private void CheckSimple(YScalar scalar, string path, string variable, TagScope scope)
    {
        var parts = variable.Split('.');
        var problem = parts switch
        {
            ["workflow", "parameters", var name, ..] => WorkflowParameter(name),
            ["inputs", "parameters", var name, ..] => Parameter(scope.Inputs, name, "input parameter", "the template's inputs.parameters"),
            ["item", _, ..] => Item(scope, variable["item.".Length..]),
            ["tasks" or "steps", "name"] => null, // the current task's or step's own name (util/variables/keys TasksName, StepsName)
            ["tasks", var name, ..] => Task(scope, name),
            ["steps", var name, ..] => Step(scope, name),
            _ when CheckedPrefixes.Any(p => variable.StartsWith(p, StringComparison.Ordinal)) => null,
            _ => NearMiss(parts[0]) is { } root ? $"unknown variable '{variable}'; did you mean '{root}'?" : null,
        };
        Report(scalar, path, variable, problem);
    }

    /// <summary>validate.go resolveAllVariables: <c>{{item.KEY}}</c> resolves only to a key the loop sets.</summary>
    private static string? Item(TagScope scope, string key) => scope.Items switch
    {
        null => $"item.{key} is only set in a step or task with withItems, withParam or withSequence",
        var keys when keys.Contains(LoopItems.AnyKey) || keys.Contains(key) => null,
        var keys => $"the loop's items have no key '{key}'{DidYouMean.Suffix(key, keys)}",
    };

    private static string? NearMiss(string root)
    {
        if (KnownRoots.Contains(root))
        {
            return null;
        }

        var allowed = root.Length >= 6 ? 2 : 1;
        return KnownRoots.FirstOrDefault(known => NameSuggestions.Distance(root, known) <= allowed);
    }

    /// <summary>workflow.parameters.json is all parameters as JSON, there whenever the workflow declares any.</summary>
    private string? WorkflowParameter(string name) =>
        name == "json" && workflowParameters is not { Count: 0 }
            ? null
            : Parameter(workflowParameters, name, "workflow parameter", "spec.arguments.parameters");

    private void CheckExpression(YScalar scalar, string path, string expression, TagScope scope)
    {
        if (expression.Count(c => c == '(') != expression.Count(c => c == ')') || expression.Count(c => c == '\'') % 2 != 0)
        {
            Report(scalar, path, "=" + expression, "unbalanced parentheses or quotes");
            return;
        }

        foreach (Match reference in Reference().Matches(expression))
        {
            var root = reference.Groups["root"].Value;
            var name = reference.Groups["dotted"].Success ? reference.Groups["dotted"].Value : reference.Groups["indexed"].Value;
            if (reference.Groups["dotted"].Success && reference.Groups["hyphen"].Success)
            {
                Report(scalar, path, "=" + expression,
                    $"'{root}.{name}-{reference.Groups["hyphen"].Value}' reads as a subtraction in an expression; write {root}['{name}-{reference.Groups["hyphen"].Value}']");
                continue;
            }

            var problem = root switch
            {
                "tasks" or "steps" when name == "name" => null,
                "workflow.parameters" => WorkflowParameter(name),
                "inputs.parameters" => Parameter(scope.Inputs, name, "input parameter", "the template's inputs.parameters"),
                "tasks" => Task(scope, name),
                _ => Step(scope, name),
            };
            Report(scalar, path, "=" + expression, problem);
        }
    }

    private static string? Parameter(IReadOnlySet<string>? known, string name, string what, string where) =>
        known is null || known.Contains(name) ? null : $"{what} '{name}' is not declared in {where}{DidYouMean.Suffix(name, known)}";

    private static string? Task(TagScope scope, string name)
    {
        if (scope.AllTasks is null)
        {
            return $"tasks.{name} can only be read inside a DAG";
        }

        if (!scope.AllTasks.Contains(name))
        {
            return $"task '{name}' does not exist{DidYouMean.Suffix(name, scope.AllTasks)}";
        }

        return scope.Tasks is null || scope.Tasks.Contains(name)
            ? null
            : $"task '{name}' is not a dependency of this task; add it to dependencies";
    }

    private static string? Step(TagScope scope, string name) => scope.Steps switch
    {
        null => $"steps.{name} can only be read inside a steps template",
        var earlier when !earlier.Contains(name) => $"step '{name}' does not run in an earlier group of this template",
        _ => null,
    };

    private void Report(YScalar scalar, string path, string tag, string? problem)
    {
        if (problem is not null)
        {
            context.Error(scalar, path, $"{{{{{tag}}}}}: {problem}");
        }
    }

    [GeneratedRegex(@"\{\{(.*?)\}\}", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<![\w.])(?<root>workflow\.parameters|inputs\.parameters|tasks|steps)(?:\.(?<dotted>[a-zA-Z0-9_]+)(?:-(?<hyphen>[a-zA-Z0-9_-]+))?|\[\s*['""](?<indexed>[^'""]+)['""]\s*\])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
