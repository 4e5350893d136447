using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Core.Expressions;
using ArgoFlow.Core.Expressions.Syntax;
using ArgoFlow.TestSupport.Argo;

namespace ArgoFlow.Templates.Tests.Generation;

/// <summary>
/// What Argo does with the generated expressions, in every mode: each one parses with expr's grammar (the
/// ArgoFlow.Core.Expressions parser, which follows expr v1.17's lexer and parser, the version Argo pins), and
/// each template, after Argo has substituted its parameters, task results and inputs, holds no tag and carries a
/// request that is JSON of the right shape.
/// </summary>
public sealed class EmittedExpressionTests
{
    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Every_emitted_expression_parses_with_exprs_grammar(string label)
    {
        var found = EmittedExpressions.WorkflowTemplates(label)
            .SelectMany(t => EmittedExpressions.In(t.Document).Select(e => (t.File, e.Path, e.Expression)))
            .ToList();
        var problems = new List<string>();
        foreach (var (file, path, expression) in found)
        {
            try
            {
                ArgoExpression.Parse(expression);
            }
            catch (ExpressionSyntaxException ex)
            {
                problems.Add($"{file}: {path}: {expression}: {ex.Message}");
            }
        }

        // fused-plugin writes only simple tags ({{workflow.parameters.x}}), which Argo looks up without expr.
        Assert.True(label == "fused-plugin" || found.Count > 0, "no expression found: the scan is broken");
        Assert.Empty(problems);
    }

    [Fact]
    public void Names_that_are_not_expr_identifiers_are_indexed()
    {
        var expressions = EmittedExpressions.WorkflowTemplates("http")
            .Where(t => t.File.StartsWith("odd-names/", StringComparison.Ordinal))
            .SelectMany(t => EmittedExpressions.In(t.Document)).Select(e => e.Expression).ToList();

        Assert.Contains("toJson(workflow.parameters['2nd'])", expressions);
        Assert.Contains("toJson(workflow.parameters['in'])", expressions);
        Assert.Contains("toJson(workflow.parameters['my-classes'])", expressions);
        Assert.Contains("toJson(workflow.parameters._flag)", expressions);
        Assert.Contains("jsonpath(tasks['not'].outputs.result, '$.detectionsUri')", expressions);
    }

    [Fact]
    public void The_grammar_rejects_a_dotted_name_with_a_leading_digit()
    {
        var ex = Assert.Throws<ExpressionSyntaxException>(() => ArgoExpression.Parse("toJson(workflow.parameters.2nd)"));

        Assert.Contains("bad number syntax", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dotted_name_with_a_hyphen_parses_as_a_subtraction()
    {
        var call = Assert.IsType<CallNode>(ArgoExpression.Parse("toJson(workflow.parameters.my-classes)").Root);

        Assert.Equal("-", Assert.IsType<BinaryNode>(Assert.Single(call.Arguments)).Operator);
    }

    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public async Task Every_template_holds_json_requests_and_no_tag_after_argo_substitutes_it(string label)
    {
        foreach (var (file, document) in EmittedExpressions.WorkflowTemplates(label))
        {
            foreach (var (name, template) in await ArgoRun.SubstitutedAsync(document))
            {
                var where = $"{file}: template {name}";
                Assert.DoesNotContain("{{", template.ToJsonString(), StringComparison.Ordinal);
                if (template["http"]?["body"] is { } body)
                {
                    Assert.True(JsonNode.Parse((string)body!) is JsonObject, $"{where}: http body is not a JSON object");
                }

                if (template["plugin"]?["argoflow"]?["request"] is { } request)
                {
                    Assert.True(request is JsonObject, $"{where}: plugin request is not an object");
                }

                if (template["container"]?["args"] is JsonArray args)
                {
                    Assert.All(args, a => Assert.Equal(JsonValueKind.String, a!.GetValueKind()));
                }
            }
        }
    }
}
