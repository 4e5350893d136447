namespace ArgoFlow.Core.Expressions;

/// <summary>
/// An expression that parsed but cannot be evaluated: a construct outside ArgoFlow's subset
/// (<see cref="UnsupportedConstruct"/> names it), an unknown name, or a value of the wrong type. The message has
/// expr's form: reason, (line:column), the source line and a caret.
/// </summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException(string reason, string source, int runeOffset, string? unsupportedConstruct = null)
        : base(ExpressionLocation.Format(reason, source, runeOffset))
    {
        Reason = reason;
        UnsupportedConstruct = unsupportedConstruct;
        (Line, Column) = ExpressionLocation.LineAndColumn(source, runeOffset);
    }

    /// <summary>The message without position or snippet.</summary>
    public string Reason { get; }

    /// <summary>The construct outside the subset, e.g. <c>the ternary operator '?:'</c>; null for other failures.</summary>
    public string? UnsupportedConstruct { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column in runes.</summary>
    public int Column { get; }
}
