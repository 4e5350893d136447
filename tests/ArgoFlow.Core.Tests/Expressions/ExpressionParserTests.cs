using ArgoFlow.Core.Expressions;

namespace ArgoFlow.Core.Tests.Expressions;

public sealed class ExpressionParserTests
{
    [Theory]
    // Literals and expr's number syntax.
    [InlineData("42", "42")]
    [InlineData("1_000_000", "1000000")]
    [InlineData("0x1F", "31")]
    [InlineData("0o17", "15")]
    [InlineData("0b101", "5")]
    [InlineData("017", "17")]
    [InlineData("1.5", "1.5")]
    [InlineData(".5", "0.5")]
    [InlineData("1e3", "1000.0")]
    [InlineData("2.5E-1", "0.25")]
    [InlineData("true", "true")]
    [InlineData("nil", "nil")]
    [InlineData("'it\\'s'", "'it's'")]
    [InlineData("\"a\\tb\"", "'a\tb'")]
    [InlineData("'\\u00e9\\x41\\101\\u{1F600}'", "'éAA😀'")]
    [InlineData("`raw \\n ``q```", "'raw \\n `q`'")]
    [InlineData("b'xy'", "b'xy'")]
    // Access, calls, pipes.
    [InlineData("response.statusCode", "(. response 'statusCode')")]
    [InlineData("a['x'].y[0]", "(. (. (. a 'x') 'y') 0)")]
    [InlineData("a?.b", "(chain (?. a 'b'))")]
    [InlineData("a?.[0]", "(chain (?. a 0))")]
    [InlineData("a[1:]", "(slice a 1 _)")]
    [InlineData("a[:2]", "(slice a _ 2)")]
    [InlineData("fromJSON(response.body).phase", "(. (call fromJSON (. response 'body')) 'phase')")]
    [InlineData("sprig.trim(x)", "(call (. sprig 'trim') x)")]
    [InlineData("x | upper()", "(call upper x)")]
    [InlineData("filter(xs, # > 1)", "(call filter xs {(> # 1)})")]
    [InlineData("map(xs, .name)", "(call map xs {(. # 'name')})")]
    [InlineData("xs | all({# in [1,2]})", "(call all xs {(in # [1 2])})")]
    // Precedence and associativity (parser/operator/operator.go).
    [InlineData("a || b && c", "(|| a (&& b c))")]
    [InlineData("a or b and not c", "(or a (and b (not c)))")]
    [InlineData("!a == b", "(== (! a) b)")]
    [InlineData("1 + 2 * 3 == 7", "(== (+ 1 (* 2 3)) 7)")]
    [InlineData("-x ** 2", "(- (** x 2))")]
    [InlineData("2 ** 3 ** 2", "(** 2 (** 3 2))")]
    [InlineData("a - b - c", "(- (- a b) c)")]
    [InlineData("1..3", "(.. 1 3)")]
    [InlineData("a < b < c", "(&& (< a b) (< b c))")]
    [InlineData("x not in [1, 2]", "(not (in x [1 2]))")]
    [InlineData("s not contains 'a'", "(not (contains s 'a'))")]
    [InlineData("s startsWith 'a' && s endsWith 'z'", "(&& (startsWith s 'a') (endsWith s 'z'))")]
    [InlineData("s matches '^a'", "(matches s '^a')")]
    [InlineData("a ?? b ?? c", "(?? (?? a b) c)")]
    [InlineData("(a || b) && c", "(&& (|| a b) c)")]
    [InlineData("a ? b : c ? d : e", "(?: a b (?: c d e))")]
    [InlineData("a ?: b", "(?: a a b)")]
    [InlineData("if a { 1 } else { 2 }", "(if a 1 2)")]
    [InlineData("let x = 1; x", "(let x 1 x)")]
    [InlineData("{a: 1, 'b': 2, 3: 4, (k): 5,}", "{'a':1 'b':2 '3':4 k:5}")]
    [InlineData("[1, 'two', [3],]", "[1 'two' [3]]")]
    [InlineData("a; b", "(; a b)")]
    [InlineData("a /* note */ == // tail\n b", "(== a b)")]
    public void Parses_to_the_tree_expr_builds(string source, string expected) =>
        Assert.Equal(expected, NodeRenderer.Render(ArgoExpression.Parse(source).Root));

    [Theory]
    // The generator's own expressions must parse (issue 13 checks them with this parser).
    [InlineData("toJson(inputs.parameters.input)")]
    [InlineData("jsonpath(tasks.resize.outputs.result, '$.output')")]
    [InlineData("sprig.trim(workflow.parameters['input'])")]
    [InlineData("response.statusCode == 200 && fromJSON(response.body).phase == 'Succeeded'")]
    [InlineData("asInt(steps.a.outputs.result) > 3 ? 'big' : 'small'")]
    public void Accepts_the_expressions_argo_templates_use(string source) =>
        Assert.NotNull(ArgoExpression.Parse(source).Root);

    [Fact]
    public void Positions_count_runes_like_expr()
    {
        var root = ArgoExpression.Parse("'é😀' == x").Root;
        var comparison = Assert.IsType<ArgoFlow.Core.Expressions.Syntax.BinaryNode>(root);
        Assert.Equal(5, comparison.Position);
        Assert.Equal(8, comparison.Right.Position);
    }
}
