using System.Text.Json.Nodes;
using ArgoFlow.TestSupport.ArgoController;

namespace ArgoFlow.Core.Tests.Expressions;

/// <summary>The fake controller's tag substitution, on the forms the generator emits, with Argo's escaping.</summary>
public sealed class ArgoTemplateSubstitutionTests
{
    private static readonly Dictionary<string, string> Scope = new(StringComparer.Ordinal)
    {
        ["workflow.name"] = "wf",
        ["workflow.parameters.input"] = "s3://in/a \"b\".jpg",
        ["workflow.parameters.padding"] = "8",
        ["inputs.parameters.input"] = "s3://in/é.jpg",
        ["tasks.resize.outputs.result"] = """{"output":"s3://out/r.jpg","width":640}""",
        ["tasks.resize-2.outputs.result"] = """{"output":"s3://out/r2.jpg"}""",
    };

    [Fact]
    public void Http_body_to_json_tag_becomes_a_json_string_inside_the_body()
    {
        var template = new JsonObject { ["body"] = """{"input":{{=toJson(workflow.parameters.input)}},"pad":{{workflow.parameters.padding}}}""" };
        var resolved = JsonNode.Parse(ArgoTemplateSubstitution.Substitute(template.ToJsonString(), Scope))!;
        var body = JsonNode.Parse((string)resolved["body"]!)!;
        Assert.Equal("s3://in/a \"b\".jpg", (string)body["input"]!);
        Assert.Equal(8, (int)body["pad"]!);
    }

    [Theory]
    [InlineData("{{=jsonpath(tasks.resize.outputs.result, '$.output')}}", "s3://out/r.jpg")]
    [InlineData("{{=jsonpath(tasks['resize-2'].outputs.result, '$.output')}}", "s3://out/r2.jpg")]
    [InlineData("{{=jsonpath(tasks.resize.outputs.result, '$.width')}}", "640")]
    [InlineData("{{inputs.parameters.input}}", "s3://in/é.jpg")]
    [InlineData("x-{{workflow.name}}-{{=asInt(workflow.parameters.padding) > 4}}", "x-wf-true")]
    public void Tags_resolve_as_argo_resolves_them(string value, string expected)
    {
        var json = new JsonObject { ["v"] = value }.ToJsonString();
        Assert.Equal(expected, (string)JsonNode.Parse(ArgoTemplateSubstitution.Substitute(json, Scope))!["v"]!);
    }

    [Theory]
    [InlineData("{{workflow.parameters.missing}}", "failed to resolve {{workflow.parameters.missing}}")]
    [InlineData("{{=jsonpath(tasks.resize.outputs.result, '$.nope')}}", "failed to evaluate expression: jsonpath: 'nope' not found")]
    [InlineData("{{=sprig.trim(workflow.name)}}", "failed to evaluate expression: the function 'sprig.trim' is not supported")]
    public void Unresolvable_tags_fail_with_argos_wording(string value, string expected)
    {
        var json = new JsonObject { ["v"] = value }.ToJsonString();
        var error = Assert.Throws<ArgoSubstitutionException>(() => ArgoTemplateSubstitution.Substitute(json, Scope));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scope_expansion_drops_a_key_that_is_a_prefix_of_another()
    {
        var expanded = ArgoScope.Expand(new Dictionary<string, string> { ["a"] = "1", ["a.b"] = "2" });
        Assert.Equal("2", ((IReadOnlyDictionary<string, object?>)expanded["a"]!)["b"]);
    }
}
