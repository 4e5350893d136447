namespace ArgoFlow.Core.Expressions;

/// <summary>
/// What an expression can see: named values (null, bool, integers, doubles, strings, lists as
/// <see cref="System.Collections.IList"/>, maps with string keys as <see cref="System.Collections.IDictionary"/>)
/// and extra functions by the name they are called with (<c>jsonpath</c>, <c>sprig.trim</c>). <c>fromJSON</c> and
/// <c>len</c> are always there, as in expr.
/// </summary>
public sealed class ExpressionEnvironment
{
    public ExpressionEnvironment(
        IReadOnlyDictionary<string, object?> variables,
        IReadOnlyDictionary<string, ExpressionFunction>? functions = null)
    {
        Variables = variables;
        Functions = functions ?? new Dictionary<string, ExpressionFunction>(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, object?> Variables { get; }

    public IReadOnlyDictionary<string, ExpressionFunction> Functions { get; }
}
