using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;
using ArgoFlow.Templates.Tests.Schema;
using ArgoFlow.TestSupport.Argo;

namespace ArgoFlow.Templates.Tests.Generation;

/// <summary>
/// The http bodies after Argo has substituted hostile parameter values (quotes, backslashes, newlines, braces):
/// still JSON, and every value arrives exactly as given. Also the fused template's successCondition.
/// </summary>
public sealed class HttpBodyTests
{
    private const string Spec = """
        apiVersion: argoflow.io/v1alpha1
        kind: Pipeline
        metadata:
          name: quoted
        spec:
          parameters:
            - name: input
              value: s3://in/a.jpg
            - name: out-key
              value: out/a.jpg
            - name: side
              value: "64"
          steps:
            - name: shrink
              type: resize
              with: {maxSide: params.side, output: params.out-key, interpolation: lanczos}
            - name: grey
              type: filter
              with: {operation: grayscale}
        """;

    private static readonly Dictionary<string, string> Hostile = new()
    {
        ["input"] = "in/say \"cheese\".jpg",
        ["out-key"] = "out\\a \"b\"\n{{c}}\t\u00e9.jpg",
        ["side"] = "64",
    };

    [Fact]
    public void Parameters_of_every_kind_and_inputs_are_written_as_toJson_tags()
    {
        var templates = Templates(GenerationMode.Http);

        Assert.Equal(
            "{\"input\":{{=toJson(inputs.parameters.input)}},\"maxSide\":{{=toJson(workflow.parameters.side)}},\"interpolation\":\"lanczos\",\"output\":{{=toJson(workflow.parameters['out-key'])}}}",
            (string)templates["shrink"]["http"]!["body"]!);
        Assert.Equal("{\"input\":{{=toJson(inputs.parameters.input)}},\"operation\":\"grayscale\"}", (string)templates["grey"]["http"]!["body"]!);
    }

    [Fact]
    public void Bodies_stay_json_and_carry_quotes_backslashes_and_newlines_unchanged_after_argo_substitutes_them()
    {
        var templates = Templates(GenerationMode.Http);
        var inputs = new Dictionary<string, string> { ["input"] = Hostile["input"] };

        var body = SubstitutedBody(templates["shrink"], inputs);

        Assert.Equal(Hostile["input"], body.GetProperty("input").GetString());
        Assert.Equal(Hostile["out-key"], body.GetProperty("output").GetString());
        // Text, as Argo substituted it; the services read it as the catalogue's integer (SubstitutedText).
        Assert.Equal("64", body.GetProperty("maxSide").GetString());
        Assert.Equal("lanczos", body.GetProperty("interpolation").GetString());
        Assert.Equal(Hostile["input"], SubstitutedBody(templates["grey"], inputs).GetProperty("input").GetString());
    }

    [Fact]
    public void The_fused_http_body_carries_every_workflow_parameter_as_a_json_string()
    {
        var template = Templates(GenerationMode.Http, fused: true)["pipeline"];

        var body = SubstitutedBody(template, new Dictionary<string, string>());

        Assert.Equal(Hostile["out-key"], body.GetProperty("parameters").GetProperty("out-key").GetString());
        Assert.Equal(Hostile["input"], body.GetProperty("parameters").GetProperty("input").GetString());
        Assert.StartsWith("apiVersion: argoflow.io/v1alpha1\n", body.GetProperty("spec").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_fused_success_condition_reads_the_phase_wherever_it_is_in_the_body()
    {
        var condition = (string)Templates(GenerationMode.Http, fused: true)["pipeline"]["http"]!["successCondition"]!;

        Assert.True(ArgoSuccessCondition.Evaluate(condition, 200, "{\"phase\":\"Succeeded\",\"steps\":[]}"));
        Assert.True(ArgoSuccessCondition.Evaluate(condition, 200, "{\n  \"totalMs\": 12.5,\n  \"steps\": [{\"phase\": \"Failed\"}],\n  \"phase\" : \"Succeeded\"\n}"));
        Assert.False(ArgoSuccessCondition.Evaluate(condition, 200, "{\"steps\":[{\"phase\":\"Succeeded\"}],\"phase\":\"Failed\"}"));
        Assert.False(ArgoSuccessCondition.Evaluate(condition, 200, "{\"note\":\"{\\\"phase\\\":\\\"Succeeded\\\"}\"}"));
        Assert.False(ArgoSuccessCondition.Evaluate(condition, 502, "<html>bad gateway</html>"));
    }

    [Fact]
    public void Plugin_requests_keep_simple_tags_because_argo_escapes_them_inside_yaml_values()
    {
        var request = Templates(GenerationMode.Plugin)["shrink"]["plugin"]!["argoflow"]!["request"]!;

        Assert.Equal("{{inputs.parameters.input}}", (string)request["input"]!);
        Assert.Equal("{{workflow.parameters.out-key}}", (string)request["output"]!);
    }

    /// <summary>Workflow parameters, then the template's inputs, substituted as Argo does; the body parsed.</summary>
    private static JsonElement SubstitutedBody(JsonObject template, Dictionary<string, string> inputs)
    {
        var json = ArgoTags.Substitute(ArgoTags.Serialize(template), "workflow.parameters", Hostile);
        json = ArgoTags.Substitute(json, "inputs.parameters", inputs);
        var body = (string)JsonNode.Parse(json)!["http"]!["body"]!;
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Dictionary<string, JsonObject> Templates(GenerationMode mode, bool fused = false)
    {
        var spec = PipelineSpecReader.Read(Spec, "quoted.yaml");
        var files = PipelineGenerator.Generate([spec], new GeneratorOptions(mode, fused));
        var document = YamlJson.Documents(files.Single(f => f.Path == "quoted/workflowtemplate.yaml").Content).Single();
        return JsonNode.Parse(document.GetRawText())!["spec"]!["templates"]!.AsArray()
            .Select(t => t!.AsObject())
            .ToDictionary(t => (string)t["name"]!, StringComparer.Ordinal);
    }
}
