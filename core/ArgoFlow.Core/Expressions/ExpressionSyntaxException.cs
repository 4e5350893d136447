namespace ArgoFlow.Core.Expressions;

/// <summary>
/// An expression that expr would not compile. <see cref="Exception.Message"/> is formatted exactly as expr formats
/// its errors: <c>bad number syntax: ".2n" (1:22)</c> followed by the source line and a caret under the place.
/// </summary>
public sealed class ExpressionSyntaxException : Exception
{
    public ExpressionSyntaxException(string reason, string source, int runeOffset)
        : base(ExpressionLocation.Format(reason, source, runeOffset))
    {
        Reason = reason;
        (Line, Column) = ExpressionLocation.LineAndColumn(source, runeOffset);
    }

    /// <summary>expr's message without the position, e.g. <c>unexpected token Operator("+")</c>.</summary>
    public string Reason { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column in runes.</summary>
    public int Column { get; }
}
