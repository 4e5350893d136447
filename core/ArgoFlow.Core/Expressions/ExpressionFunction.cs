namespace ArgoFlow.Core.Expressions;

/// <summary>
/// A function an environment adds to the subset (Argo's <c>jsonpath</c>, <c>toJson</c>, <c>sprig.*</c>). It reports
/// bad arguments by throwing <see cref="ExpressionFunctionException"/>, which the evaluator places in the source.
/// </summary>
public delegate object? ExpressionFunction(IReadOnlyList<object?> arguments);
