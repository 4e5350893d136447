using System.Globalization;
using System.Text;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Tests.Generation;

public sealed class GeneratorErrorTests
{
    [Fact]
    public void Two_specs_with_the_same_name_are_rejected_naming_both_files()
    {
        var text = File.ReadAllText(Samples.PathOf("classic"));
        var specs = new[] { PipelineSpecReader.Read(text, "a/classic.yaml"), PipelineSpecReader.Read(text, "b/classic.yaml") };

        var ex = Assert.Throws<ValidationException>(() => PipelineGenerator.Generate(specs, new GeneratorOptions()));

        var problem = Assert.Single(ex.Diagnostics);
        Assert.Equal("b/classic.yaml", problem.Location.File);
        Assert.Equal("metadata.name", problem.Path);
        Assert.Equal("pipeline 'classic' is also defined in a/classic.yaml; names must be unique (they name the output folder)", problem.Message);
    }

    [Fact]
    public void Two_hundred_distinct_steps_need_too_many_templates_and_suggest_fused_mode()
    {
        var yaml = new StringBuilder("apiVersion: argoflow.io/v1alpha1\nkind: Pipeline\nmetadata: {name: wide}\nspec:\n  parameters: [{name: input}]\n  steps:\n");
        for (var i = 0; i < 200; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"    - {{name: s{i}, type: resize, dependsOn: [], with: {{maxSide: {i + 1}}}}}\n");
        }

        var spec = PipelineSpecReader.Read(yaml.ToString(), "wide.yaml");

        var ex = Assert.Throws<ValidationException>(() => PipelineGenerator.Generate([spec], new GeneratorOptions()));
        var problem = Assert.Single(ex.Diagnostics);
        Assert.Equal("spec.steps", problem.Path);
        Assert.StartsWith("needs 201 Argo templates", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("or use --fused", problem.Message, StringComparison.Ordinal);
        Assert.NotEmpty(PipelineGenerator.Generate([spec], new GeneratorOptions(Fused: true)));
    }

    [Fact]
    public void Image_with_spaces_is_a_usage_error()
    {
        var spec = PipelineSpecReader.ReadFile(Samples.PathOf("classic"));

        var ex = Assert.Throws<ArgoFlowException>(() => PipelineGenerator.Generate([spec], new GeneratorOptions(Image: "my image")));

        Assert.Equal(ExitCode.Usage, ex.ExitCode);
        Assert.Equal("--image 'my image' is not an image reference", ex.Message);
    }
}
