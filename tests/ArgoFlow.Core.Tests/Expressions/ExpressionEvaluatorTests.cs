using ArgoFlow.Core.Expressions;

namespace ArgoFlow.Core.Tests.Expressions;

/// <summary>
/// The evaluated subset over the values an http successCondition sees; expected results follow expr's runtime
/// (vm/runtime Equal, Less, In, Fetch; builtin len, fromJSON).
/// </summary>
public sealed class ExpressionEvaluatorTests
{
    private static readonly ExpressionEnvironment Environment = new(new Dictionary<string, object?>
    {
        ["response"] = new Dictionary<string, object?>
        {
            ["statusCode"] = 200,
            ["body"] = "{\"phase\":\"Succeeded\",\"count\":3,\"items\":[\"a\",\"b\"],\"ratio\":0.5,\"ok\":true,\"none\":null}",
            ["headers"] = new Dictionary<string, string[]> { ["Content-Type"] = ["application/json"] },
        },
        ["request"] = new Dictionary<string, object?> { ["method"] = "POST", ["url"] = "http://svc:8080/v1/resize" },
        ["codes"] = new List<object?> { 200L, 201L },
        ["name"] = "résumé",
    });

    [Theory]
    [InlineData("response.statusCode == 200")]
    [InlineData("response.statusCode == 200.0")]
    [InlineData("response['statusCode'] != 500")]
    [InlineData("response.statusCode >= 200 && response.statusCode < 300")]
    [InlineData("response.statusCode in [200, 201, 204]")]
    [InlineData("response.statusCode in codes")]
    [InlineData("404 not in codes")]
    [InlineData("'statusCode' in response")]
    [InlineData("not ('missing' in response)")]
    [InlineData("fromJSON(response.body).phase == 'Succeeded'")]
    [InlineData("fromJSON(response.body).count == 3")]
    [InlineData("fromJSON(response.body).count > 2.5")]
    [InlineData("fromJSON(response.body).ratio < 1")]
    [InlineData("fromJSON(response.body).ok")]
    [InlineData("fromJSON(response.body).none == nil")]
    [InlineData("fromJSON(response.body).missing == nil")]
    [InlineData("fromJSON(response.body)['items'][1] == 'b'")]
    [InlineData("fromJSON(response.body).items[-1] == 'b'")]
    [InlineData("'a' in fromJSON(response.body).items")]
    [InlineData("len(fromJSON(response.body).items) == 2")]
    [InlineData("len(name) == 6")]
    [InlineData("len(response) == 3")]
    [InlineData("response.body contains 'Succeeded'")]
    [InlineData("response.body startsWith '{' and response.body endsWith '}'")]
    [InlineData("request.url not endsWith '/v1/detect'")]
    [InlineData("response.headers['Content-Type'][0] startsWith 'application/json'")]
    [InlineData("request.method == \"POST\" || false")]
    [InlineData("!(response.statusCode == 500)")]
    [InlineData("'abc' < 'abd' && 2 <= 2 && 3 > -1")]
    [InlineData("1 < 2 < 3")]
    [InlineData("[1, 2] == [1.0, 2]")]
    [InlineData("{a: 1}.a == 1")]
    [InlineData("nil == nil")]
    [InlineData("'1' != 1")]
    public void Holds(string condition) => Assert.True(ArgoExpression.EvaluateCondition(condition, Environment));

    [Theory]
    [InlineData("response.statusCode == 201")]
    [InlineData("fromJSON(response.body).phase == 'Failed'")]
    [InlineData("response.statusCode in [500]")]
    [InlineData("404 in nil")]
    [InlineData("false && missing.field")]
    [InlineData("{a: 1} == {a: 1.0}")]
    public void Does_not_hold(string condition) => Assert.False(ArgoExpression.EvaluateCondition(condition, Environment));

    [Fact]
    public void Short_circuit_skips_the_right_side_like_expr() =>
        Assert.True(ArgoExpression.EvaluateCondition("true || unknownName", Environment));

    [Theory]
    [InlineData("missing == 1", "unknown name missing (1:1)")]
    [InlineData("response.statusCode < 'x'", "invalid operation: int < string (1:21)")]
    [InlineData("response.statusCode contains '2'", "invalid operation: int contains string (both must be strings) (1:21)")]
    [InlineData("response.nothing.deeper == 1", "cannot fetch deeper from <nil> (1:18)")]
    [InlineData("codes[5] == 1", "index out of range: 5 (array length is 2) (1:6)")]
    [InlineData("1 in 'abc'", "operator \"in\" not defined on string (1:3)")]
    [InlineData("len(1) == 1", "invalid argument for len (type int) (1:1)")]
    [InlineData("fromJSON('{') == nil", "fromJSON: the text is not valid JSON")]
    [InlineData("response.statusCode && true", "invalid operation: the operands of && must be bool, got int (1:21)")]
    [InlineData("response.statusCode", "expected bool, but got int")]
    public void Fails_with_a_message_naming_the_problem(string condition, string expected)
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => ArgoExpression.EvaluateCondition(condition, Environment));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Null(error.UnsupportedConstruct);
    }

    [Theory]
    [InlineData("response.statusCode + 1 == 201", "the arithmetic operator '+'")]
    [InlineData("response.statusCode == 200 ? true : false", "the ternary operator '?:'")]
    [InlineData("response.body matches 'Succ.*'", "the 'matches' operator (regular expressions)")]
    [InlineData("upper(response.body) contains 'X'", "the function 'upper'")]
    [InlineData("response?.statusCode == 200", "optional chaining '?.'")]
    [InlineData("all(codes, # > 100)", "the function 'all'")]
    [InlineData("response.body[0:1] == '{'", "slicing 'a[i:j]'")]
    [InlineData("let c = 200; response.statusCode == c", "a 'let' variable")]
    [InlineData("response.statusCode in 200..299", "the range operator '..'")]
    [InlineData("(response.body ?? '') == ''", "the nil-coalescing operator '??'")]
    [InlineData("response.body.trim() == ''", "a method call")]
    // Checked over the whole tree: a short-circuit does not hide it.
    [InlineData("true || 1 + 1 == 2", "the arithmetic operator '+'")]
    public void Rejects_constructs_outside_the_subset_by_name(string condition, string construct)
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => ArgoExpression.EvaluateCondition(condition, Environment));
        Assert.Equal(construct, error.UnsupportedConstruct);
        Assert.StartsWith($"{construct} is not supported: ArgoFlow evaluates only literals", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_message_points_at_the_construct()
    {
        var error = Assert.Throws<ExpressionEvaluationException>(
            () => ArgoExpression.EvaluateCondition("response.statusCode + 1 == 201", Environment));
        Assert.Equal((1, 21), (error.Line, error.Column));
        Assert.EndsWith("\n | response.statusCode + 1 == 201\n | ....................^", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_functions_extend_the_subset()
    {
        var environment = new ExpressionEnvironment(
            new Dictionary<string, object?> { ["x"] = " a " },
            new Dictionary<string, ExpressionFunction>
            {
                ["sprig.trim"] = args => ((string)args[0]!).Trim(),
                ["fail"] = _ => throw new ExpressionFunctionException("fail: no"),
            });
        Assert.Equal("a", ArgoExpression.Evaluate(ArgoExpression.Parse("sprig.trim(x)"), environment));
        var error = Assert.Throws<ExpressionEvaluationException>(
            () => ArgoExpression.Evaluate(ArgoExpression.Parse("fail()"), environment));
        Assert.Equal("fail: no", error.Reason);
        Assert.Null(ArgoExpression.FindUnsupported(ArgoExpression.Parse("sprig.trim(x) == 'a'"), environment.Functions.Keys));
    }

    [Fact]
    public void Literal_values_have_exprs_types()
    {
        var empty = new ExpressionEnvironment(new Dictionary<string, object?>());
        Assert.Equal(3L, ArgoExpression.Evaluate(ArgoExpression.Parse("3"), empty));
        Assert.Equal(3.0, ArgoExpression.Evaluate(ArgoExpression.Parse("3.0"), empty));
        Assert.Equal(-2L, ArgoExpression.Evaluate(ArgoExpression.Parse("-2"), empty));
        Assert.Equal(new List<object?> { 1L, "a", null }, ArgoExpression.Evaluate(ArgoExpression.Parse("[1, 'a', nil]"), empty));
    }
}
