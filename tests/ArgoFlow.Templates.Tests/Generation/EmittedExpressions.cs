using System.Text.Json;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;
using ArgoFlow.Templates.Tests.Schema;
using ArgoFlow.TestSupport.Argo;

namespace ArgoFlow.Templates.Tests.Generation;

/// <summary>
/// Every expression the generator writes, found in the generated WorkflowTemplates of the samples plus a spec whose
/// parameter and step names are not expr identifiers (a leading digit, a hyphen, operator words): the
/// <c>{{=...}}</c> tags in any string, and the fields Argo evaluates whole (retryStrategy.expression,
/// http.successCondition, a task's when and depends).
/// </summary>
internal static class EmittedExpressions
{
    private static readonly string[] WholeFields = ["expression", "successCondition", "when", "depends"];

    /// <summary>Parameter names: a leading digit, an operator word, a hyphen, a leading '_'; step names: operator words, a digit after '-'.</summary>
    public const string OddNamesSpec = """
        apiVersion: argoflow.io/v1alpha1
        kind: Pipeline
        metadata:
          name: odd-names
        spec:
          parameters:
            - name: input
              value: s3://in/a.jpg
            - name: 2nd
              value: "8"
            - name: in
              value: "640"
            - name: my-classes
              value: '["person"]'
            - name: _flag
              value: "true"
          steps:
            - name: in
              type: resize
              with: {maxSide: params.in}
            - name: not
              type: detect
              with: {classes: params.my-classes, annotate: params._flag}
            - name: x-2
              type: filter
              inputs: {regions: steps.not.detections}
              with: {operation: blurRegions, regionPadding: params.2nd}
        """;

    public static IReadOnlyList<PipelineSpec> Specs() =>
        [.. SampleOutput.Specs(), PipelineSpecReader.Read(OddNamesSpec, "odd-names.yaml")];

    /// <summary>The generated WorkflowTemplates of <see cref="Specs"/> in one mode, by file.</summary>
    public static IEnumerable<(string File, JsonElement Document)> WorkflowTemplates(string label) =>
        PipelineGenerator.Generate(Specs(), SampleOutput.Options(label))
            .SelectMany(f => YamlJson.Documents(f.Content).Select(d => (f.Path, d)))
            .Where(x => x.d.GetProperty("kind").GetString() == "WorkflowTemplate");

    /// <summary>(JSON path, expression) of every expression in a document.</summary>
    public static IEnumerable<(string Path, string Expression)> In(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = path + "." + property.Name;
                    if (WholeFields.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return (child, property.Value.GetString()!);
                    }

                    foreach (var found in In(property.Value, child))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var found in In(item, $"{path}[{i++}]"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValueKind.String:
                foreach (var expression in ArgoTagScanner.Expressions(element.GetString()!))
                {
                    yield return (path, expression);
                }

                break;
        }
    }
}
