using ArgoFlow.Core.Expressions.Evaluation;
using ArgoFlow.Core.Expressions.Syntax;

namespace ArgoFlow.Core.Expressions;

/// <summary>
/// Argo's expression language (expr-lang/expr v1.17, the version Argo pins): <see cref="Parse"/> accepts the full
/// grammar with expr's error messages; <see cref="Evaluate"/> evaluates the subset real Argo conditions use -
/// literals, field and index access, comparisons, <c>&amp;&amp; || !</c> and <c>and or not</c>, <c>in</c>,
/// <c>contains startsWith endsWith</c>, <c>fromJSON</c>, <c>len</c>, parentheses - and rejects anything else by
/// name before evaluating, whatever the data.
/// </summary>
public static class ArgoExpression
{
    /// <summary>The subset in words, for messages and docs.</summary>
    public const string Subset =
        "literals, field and index access, == != < <= > >=, && || ! and or not, in, contains startsWith endsWith, " +
        "fromJSON, len, parentheses";

    /// <summary>Parses as expr does; throws <see cref="ExpressionSyntaxException"/> with expr's message.</summary>
    public static ExpressionTree Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ExpressionTree(source, ExpressionParser.Parse(source));
    }

    /// <summary>
    /// Evaluates over the environment. Throws <see cref="ExpressionEvaluationException"/> for a construct outside
    /// the subset (checked over the whole tree first), an unknown name or a type error.
    /// </summary>
    public static object? Evaluate(ExpressionTree tree, ExpressionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(environment);
        ThrowIfUnsupported(tree, environment.Functions.Keys);
        return new ExpressionEvaluator(tree.Source, environment).Evaluate(tree.Root);
    }

    /// <summary>Parses and evaluates an expression that must yield a bool (a successCondition, a when).</summary>
    public static bool EvaluateCondition(string source, ExpressionEnvironment environment)
    {
        var value = Evaluate(Parse(source), environment);
        return value is bool result
            ? result
            : throw new ExpressionEvaluationException(
                $"expected bool, but got {ExpressionValues.TypeName(value)}", source, 0);
    }

    /// <summary>The first construct outside the subset, or null; extra function names count as supported.</summary>
    public static ExpressionEvaluationException? FindUnsupported(ExpressionTree tree, IEnumerable<string> functions)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return SubsetChecker.FindUnsupported(tree, functions.ToHashSet(StringComparer.Ordinal));
    }

    private static void ThrowIfUnsupported(ExpressionTree tree, IEnumerable<string> functions)
    {
        if (FindUnsupported(tree, functions) is { } problem)
        {
            throw problem;
        }
    }
}
