using System.Text.Json;
using ArgoFlow.Templates.Tests.Generation;

namespace ArgoFlow.Templates.Tests.Schema;

/// <summary>Every generated Argo document, in every mode, validates against Argo's JSON Schema.</summary>
public sealed class SchemaValidationTests
{
    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Every_generated_workflow_template_matches_the_argo_schema(string label)
    {
        var templates = SampleOutput.Generate(label).Where(f => f.Path.EndsWith("/workflowtemplate.yaml", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, templates.Count);
        foreach (var file in templates)
        {
            var document = Assert.Single(YamlJson.Documents(file.Content));
            Assert.Equal("WorkflowTemplate", document.GetProperty("kind").GetString());
            var errors = ArgoSchema.Validate(ArgoSchema.WorkflowTemplate, document);
            Assert.True(errors.Count == 0, $"{label}/{file.Path}:\n{string.Join("\n", errors)}");
        }
    }

    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Every_generated_container_matches_the_kubernetes_container_schema(string label)
    {
        var containers = SampleOutput.Generate(label)
            .SelectMany(f => YamlJson.Documents(f.Content))
            .SelectMany(Containers)
            .ToList();

        Assert.NotEmpty(containers);
        foreach (var container in containers)
        {
            var errors = ArgoSchema.Validate(ArgoSchema.Container, container);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Fact]
    public void Schema_check_rejects_an_integer_retry_limit_so_the_quoting_matters()
    {
        var text = SampleOutput.Generate("http").Single(f => f.Path == "classic/workflowtemplate.yaml").Content;
        var broken = YamlJson.Documents(text.Replace("limit: \"3\"", "limit: 3", StringComparison.Ordinal))[0];

        Assert.NotEmpty(ArgoSchema.Validate(ArgoSchema.WorkflowTemplate, broken));
    }

    [Fact]
    public void Schema_check_rejects_an_unknown_field_type()
    {
        var text = SampleOutput.Generate("http").Single(f => f.Path == "classic/workflowtemplate.yaml").Content;
        var broken = YamlJson.Documents(text.Replace("timeoutSeconds: 30", "timeoutSeconds: soon", StringComparison.Ordinal))[0];

        Assert.NotEmpty(ArgoSchema.Validate(ArgoSchema.WorkflowTemplate, broken));
    }

    private static IEnumerable<JsonElement> Containers(JsonElement document)
    {
        var kind = document.GetProperty("kind").GetString();
        if (kind == "Deployment")
        {
            return document.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers").EnumerateArray();
        }

        if (kind == "ConfigMap" && document.GetProperty("data").TryGetProperty("sidecar.container", out var sidecar))
        {
            return YamlJson.Documents(sidecar.GetString()!);
        }

        if (kind == "WorkflowTemplate")
        {
            return document.GetProperty("spec").GetProperty("templates").EnumerateArray()
                .Where(t => t.TryGetProperty("container", out _))
                .Select(t => t.GetProperty("container"));
        }

        return [];
    }
}
