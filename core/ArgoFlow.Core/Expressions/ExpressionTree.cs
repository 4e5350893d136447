using ArgoFlow.Core.Expressions.Syntax;

namespace ArgoFlow.Core.Expressions;

/// <summary>A parsed expression with its source, which error messages quote.</summary>
public sealed record ExpressionTree(string Source, ExprNode Root);
