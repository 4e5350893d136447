using ArgoFlow.Core.Expressions;

namespace ArgoFlow.Core.Tests.Expressions;

/// <summary>
/// Error texts cross-checked against expr v1.17's own expectations (parser/parser_test.go TestParse_error and the
/// lexer tests): same reason, same line:column, same snippet and caret.
/// </summary>
public sealed class ExpressionSyntaxErrorTests
{
    [Theory]
    [InlineData("workflow.parameters.2nd", "bad number syntax: \".2n\" (1:22)\n | workflow.parameters.2nd\n | .....................^")]
    [InlineData("foo.", "unexpected end of expression (1:4)\n | foo.\n | ...^")]
    [InlineData("a+", "unexpected token EOF (1:2)\n | a+\n | .^")]
    [InlineData("a ? (1+2) c", "unexpected token Identifier(\"c\") (1:11)\n | a ? (1+2) c\n | ..........^")]
    [InlineData("[a b]", "unexpected token Identifier(\"b\") (1:4)\n | [a b]\n | ...^")]
    [InlineData("{-}", "a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses (unexpected token Operator(\"-\")) (1:2)\n | {-}\n | .^")]
    [InlineData("[1, 2, 3,,]", "unexpected token Operator(\",\") (1:10)\n | [1, 2, 3,,]\n | .........^")]
    [InlineData("{foo:1, bar:2, ,}", "unexpected token Operator(\",\") (1:16)\n | {foo:1, bar:2, ,}\n | ...............^")]
    [InlineData("foo ?? bar || baz", "Operator (||) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses. (1:12)\n | foo ?? bar || baz\n | ...........^")]
    [InlineData("0b15", "bad number syntax: \"0b15\" (1:4)\n | 0b15\n | ...^")]
    [InlineData("0X10G", "bad number syntax: \"0X10G\" (1:5)\n | 0X10G\n | ....^")]
    [InlineData("0o1E", "invalid float literal: strconv.ParseFloat: parsing \"0o1E\": invalid syntax (1:4)\n | 0o1E\n | ...^")]
    [InlineData("0b1E+1", "invalid float literal: strconv.ParseFloat: parsing \"0b1E+1\": invalid syntax (1:6)\n | 0b1E+1\n | .....^")]
    [InlineData("1E", "invalid float literal: strconv.ParseFloat: parsing \"1E\": invalid syntax (1:2)\n | 1E\n | .^")]
    [InlineData("1 not == [1, 2, 5]", "unexpected token Operator(\"==\") (1:7)\n | 1 not == [1, 2, 5]\n | ......^")]
    [InlineData("map(ls, 1; 2; 3)", "wrap predicate with brackets { and } (1:10)\n | map(ls, 1; 2; 3)\n | .........^")]
    [InlineData("1 + if true { 2 } else { 3 }", "unexpected token Operator(\"if\") (1:5)\n | 1 + if true { 2 } else { 3 }\n | ....^")]
    [InlineData("list | all(#,,)", "unexpected token Operator(\",\") (1:14)\n | list | all(#,,)\n | .............^")]
    [InlineData("99999999999999999999", "invalid integer literal: strconv.ParseInt: parsing \"99999999999999999999\": value out of range (1:20)\n | 99999999999999999999\n | ...................^")]
    [InlineData("'abc", "literal not terminated (1:5)\n | 'abc\n | ....^")]
    [InlineData("'a\\qb'", "invalid char escape (1:4)\n | 'a\\qb'\n | ...^")]
    [InlineData("a @ b", "unrecognized character: U+0040 '@' (1:3)\n | a @ b\n | ..^")]
    [InlineData("a /* open", "unclosed comment (1:10)\n | a /* open\n | .........^")]
    [InlineData("a.b.", "unexpected end of expression (1:4)\n | a.b.\n | ...^")]
    [InlineData("x\n  == ", "unexpected token EOF (2:5)\n |   == \n | ....^")]
    [InlineData("", "unexpected token EOF")]
    public void Rejects_with_exprs_message_and_position(string source, string expected)
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => ArgoExpression.Parse(source));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Reason_line_and_column_are_exposed_for_diagnostics()
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => ArgoExpression.Parse("a ==\n  == b"));
        Assert.Equal("unexpected token Operator(\"==\")", error.Reason);
        Assert.Equal((2, 3), (error.Line, error.Column));
    }

    [Fact]
    public void Deep_nesting_fails_with_a_message_instead_of_overflowing_the_stack()
    {
        var source = new string('(', 5000) + "1" + new string(')', 5000);
        var error = Assert.Throws<ExpressionSyntaxException>(() => ArgoExpression.Parse(source));
        Assert.StartsWith("expression nests deeper than 256 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_nodes_than_exprs_limit_fail_like_expr()
    {
        var source = string.Join(" + ", Enumerable.Repeat("1", 6000));
        var error = Assert.Throws<ExpressionSyntaxException>(() => ArgoExpression.Parse(source));
        Assert.Equal("compilation failed: expression exceeds maximum allowed nodes", error.Reason);
    }
}
