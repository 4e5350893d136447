using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Plugin;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.Argo;

namespace ArgoFlow.Cli.Tests.Run;

/// <summary>
/// Every parameter kind of the catalogue fed from a workflow parameter, through each generated form, with exactly
/// what Argo hands the receivers after substituting the tags as text (<see cref="ArgoRun"/>): the plugin handler,
/// `argoflow step`, the services' JSON routes and the fused PipelineService must read each value as its type, and
/// refuse text that is not one with INVALID_ARGUMENT naming the field and the text.
/// </summary>
public sealed partial class TypedParameterPathsTests(WarmServices services) : IClassFixture<WarmServices>
{
    private const string Spec = """
        apiVersion: argoflow.io/v1alpha1
        kind: Pipeline
        metadata:
          name: typed
        spec:
          parameters:
            - {name: input, value: in/0.jpg}
            - {name: side, value: "320"}
            - {name: interpolation, value: linear}
            - {name: score, value: "0.3"}
            - {name: classes, value: '["person"]'}
            - {name: annotate, value: "true"}
            - {name: write, value: "TRUE"}
            - {name: detections-key, value: typed/detections.json}
            - {name: boxes, value: '[{"x1": 0, "y1": 0, "x2": 16, "y2": 16}]'}
            - {name: padding, value: "4"}
          steps:
            - name: shrink
              type: resize
              with: {maxSide: params.side, interpolation: params.interpolation}
            - name: find
              type: detect
              with: {scoreThreshold: params.score, classes: params.classes, annotate: params.annotate, writeDetections: params.write, detectionsOutput: params.detections-key}
            - name: hide
              type: filter
              inputs: {image: steps.shrink.image}
              with: {operation: pixelateRegions, regions: params.boxes, regionPadding: params.padding}
        """;

    [Theory]
    [InlineData("plugin")]
    [InlineData("container")]
    [InlineData("http")]
    [InlineData("fused-http")]
    [InlineData("fused-plugin")]
    public async Task Every_parameter_kind_arrives_as_its_type(string label)
    {
        var results = await RunAsync(label, null);

        Assert.All(results.Values, r => Assert.True(r.Ok, r.Text));
        Assert.True(File.Exists(Path.Combine(services.StoreRoot, "typed", "detections.json")), "detectionsOutput (text) was not honoured");
        // annotate (a boolean) written: detect's annotated copy is named after the step type.
        Assert.Contains(services.Outputs().Keys, k => k.Contains(".detect-", StringComparison.Ordinal));
        if (!label.StartsWith("fused", StringComparison.Ordinal))
        {
            var shrunk = JsonNode.Parse(results["shrink"].Text)!;
            Assert.Equal(320, Math.Max((int)shrunk["width"]!, (int)shrunk["height"]!));
        }
    }

    [Theory]
    [InlineData("plugin", "classes", "[person")]
    [InlineData("plugin", "annotate", "yes")]
    [InlineData("http", "classes", "[person")]
    [InlineData("http", "score", "0.3x")]
    [InlineData("container", "classes", "[person")]
    [InlineData("container", "padding", "four")]
    public async Task Text_a_field_cannot_read_is_refused_naming_the_field_and_the_text(string label, string parameter, string text)
    {
        var results = await RunAsync(label, new Dictionary<string, string> { [parameter] = text });

        var failed = results.Values.Single(r => !r.Ok);
        Assert.Contains(text, failed.Text, StringComparison.Ordinal);
        Assert.Matches(FieldNameRegex(), failed.Text);
        // The JSON routes answer the transcoder's error shape, whose code 3 is INVALID_ARGUMENT; the step command exits 2.
        Assert.Contains(label switch { "http" => "\"code\":3", "container" => "expected", _ => "INVALID_ARGUMENT" }, failed.Text, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, (bool Ok, string Text)>> RunAsync(string label, IReadOnlyDictionary<string, string>? overrides)
    {
        services.DeleteOutputs();
        var options = new GeneratorOptions(label.EndsWith("plugin", StringComparison.Ordinal) ? GenerationMode.Plugin
            : label == "container" ? GenerationMode.Container : GenerationMode.Http, Fused: label.StartsWith("fused", StringComparison.Ordinal));
        var file = PipelineGenerator.Generate([PipelineSpecReader.Read(Spec, "typed.yaml")], options).Single(f => f.Path == "typed/workflowtemplate.yaml");
        var document = JsonSerializer.SerializeToElement(GeneratedYaml.Document(file.Content));
        var results = new Dictionary<string, (bool Ok, string Text)>(StringComparer.Ordinal);
        using var temp = new TempDirectory("argoflow-typed");
        await File.WriteAllTextAsync(temp.Combine("token"), "agent-token");
        using var client = new StepClient();
        await using var plugin = await PluginHost.StartAsync(new PluginOptions { Port = 0, TokenFile = temp.Combine("token") }, client, null, CancellationToken.None);
        using var http = new HttpClient();
        await ArgoRun.RunAsync(document, overrides, async (name, template) =>
        {
            var (ok, text) = template["plugin"] is not null ? await PluginAsync(http, plugin, template)
                : template["container"] is not null ? await StepAsync(template)
                : await HttpAsync(http, template);
            results[name] = (ok, text);
            return ok ? text : "{}";
        });
        return results;
    }

    private async Task<(bool, string)> PluginAsync(HttpClient http, PluginHost plugin, JsonNode template)
    {
        template["plugin"]!["argoflow"]!["endpoint"] = services.Target;
        var node = await AgentCall.ExecuteAsync(http, plugin, "agent-token", "typed-" + Guid.NewGuid().ToString("N")[..8], template);
        return (string?)node["phase"] == "Succeeded"
            ? (true, (string)node["outputs"]!["result"]!)
            : (false, (string?)node["message"] ?? string.Empty);
    }

    private async Task<(bool, string)> StepAsync(JsonNode template)
    {
        var args = template["container"]!["args"]!.AsArray().Select(a => (string)a!).ToArray();
        args[Array.IndexOf(args, "--target") + 1] = services.Target;
        var (code, stdout, stderr) = await CliInvocation.RunAsync(args);
        return code == 0 ? (true, stdout.Trim()) : (false, stderr);
    }

    private async Task<(bool, string)> HttpAsync(HttpClient http, JsonNode template)
    {
        var call = template["http"]!;
        var url = ClusterHttpBase().Replace((string)call["url"]!, services.Host.HttpBaseUrl!.GetLeftPart(UriPartial.Authority));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url))
        {
            Content = new StringContent((string)call["body"]!, Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (ArgoSuccessCondition.Evaluate((string?)call["successCondition"], (int)response.StatusCode, body), body);
    }

    [GeneratedRegex(@"http://argoflow-[a-z]+\.[a-z0-9-]+\.svc\.cluster\.local:8080")]
    private static partial Regex ClusterHttpBase();

    [GeneratedRegex("classes|annotate|scoreThreshold|score-threshold|regionPadding|region-padding")]
    private static partial Regex FieldNameRegex();
}
