using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Tests.Spec;

/// <summary>
/// A workflow parameter's default value reaches a typed field as text; the spec reader reads it as the field's type
/// the way the services and the plugin will, and reports one that cannot be read at the step that reads it.
/// </summary>
public sealed class ParameterDefaultTests
{
    [Theory]
    [InlineData("classes", "'[\"person\", \"car\"]'")]
    [InlineData("classes", "person,car")]
    [InlineData("annotate", "\"true\"")]
    [InlineData("scoreThreshold", "\"0.4\"")]
    [InlineData("maxDetections", "\"20\"")]
    public void A_default_readable_as_the_fields_type_is_accepted(string field, string value)
    {
        var spec = PipelineSpecReader.Read(Spec(field, value), SpecAssert.Source);

        Assert.IsType<ParameterRef>(spec.Steps[0].With[field]);
    }

    [Theory]
    [InlineData("classes", "'[person'", "is not a list of strings")]
    [InlineData("annotate", "\"yes\"", "is not true or false")]
    [InlineData("scoreThreshold", "\"0.4x\"", "is not a number in 0..1")]
    [InlineData("scoreThreshold", "\"4\"", "is not a number in 0..1")]
    [InlineData("maxDetections", "\"2.5\"", "is not an integer in 1..10000")]
    public void A_default_the_field_cannot_read_is_reported_at_the_step_with_the_text(string field, string value, string message)
    {
        var problem = SpecAssert.Single(Spec(field, value), 15, 11 + field.Length, $"spec.steps[0].with.{field}", message);

        Assert.Contains("reads params.p", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>The step's <c>with</c> value sits on line 15, after eight spaces, the field and ": ".</summary>
    private static string Spec(string field, string value) => $$"""
        apiVersion: argoflow.io/v1alpha1
        kind: Pipeline
        metadata:
          name: test
        spec:
          parameters:
            - name: input
              value: s3://in/a.jpg
            - name: p
              value: {{value}}
          steps:
            - name: find
              type: detect
              with:
                {{field}}: params.p
        """;
}
