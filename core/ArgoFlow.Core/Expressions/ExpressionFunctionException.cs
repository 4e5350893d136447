namespace ArgoFlow.Core.Expressions;

/// <summary>Thrown by an <see cref="ExpressionFunction"/> for arguments it cannot work with.</summary>
public sealed class ExpressionFunctionException(string message) : Exception(message);
