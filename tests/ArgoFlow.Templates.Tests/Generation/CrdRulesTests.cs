using System.Text.Json;
using System.Text.RegularExpressions;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;
using ArgoFlow.Templates.Tests.Schema;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Templates.Tests.Generation;

/// <summary>
/// The CEL and structural rules of Argo's WorkflowTemplate CRD that a JSON Schema cannot express, checked on every
/// generated WorkflowTemplate: at most 200 templates and 200 DAG tasks, at most one template type per template,
/// template/task names matching the CRD pattern (max 128), no task name starting with a digit when it has
/// dependencies, no timeout on a DAG template, parameter names matching the parameter pattern.
/// </summary>
public sealed partial class CrdRulesTests
{
    private static readonly string[] Types = ["container", "script", "dag", "steps", "resource", "suspend", "containerSet", "data", "http", "plugin"];

    [Fact]
    public void Crd_file_still_states_the_rules_these_tests_check()
    {
        var crd = File.ReadAllText(Path.Combine(SharedData.ArgoCrdsDir, "argoproj.io_workflowtemplates.yaml"));

        Assert.Contains("maxItems: 200", crd, StringComparison.Ordinal);
        Assert.Contains("template must have at most one template type", crd, StringComparison.Ordinal);
        Assert.Contains("pattern: ^[a-zA-Z0-9][-a-zA-Z0-9]*$", crd, StringComparison.Ordinal);
        Assert.Contains("task name cannot begin with a digit", crd, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Generated_templates_of_every_sample_follow_the_crd_rules(string label)
    {
        foreach (var file in SampleOutput.Generate(label).Where(f => f.Path.EndsWith("workflowtemplate.yaml", StringComparison.Ordinal)))
        {
            AssertCrdRules(YamlJson.Documents(file.Content)[0]);
        }
    }

    [Theory]
    [InlineData(GenerationMode.Http)]
    [InlineData(GenerationMode.Plugin)]
    [InlineData(GenerationMode.Container)]
    public void Two_hundred_steps_fit_in_the_crd_limits(GenerationMode mode)
    {
        var spec = PipelineSpecReader.Read(LargeSpec.Text(200), "large.yaml");

        var files = PipelineGenerator.Generate([spec], new GeneratorOptions(mode));
        var document = YamlJson.Documents(files.Single(f => f.Path == "large/workflowtemplate.yaml").Content)[0];

        AssertCrdRules(document);
        var templates = document.GetProperty("spec").GetProperty("templates");
        Assert.Equal(200, templates[0].GetProperty("dag").GetProperty("tasks").GetArrayLength());
        Assert.Empty(ArgoSchema.Validate(ArgoSchema.WorkflowTemplate, document));
    }

    private static void AssertCrdRules(JsonElement document)
    {
        var spec = document.GetProperty("spec");
        var templates = spec.GetProperty("templates").EnumerateArray().ToList();
        Assert.InRange(templates.Count, 1, 200);
        foreach (var template in templates)
        {
            var name = template.GetProperty("name").GetString()!;
            Assert.Matches(NamePattern(), name);
            Assert.True(name.Length <= 128);
            Assert.Equal(1, Types.Count(t => template.TryGetProperty(t, out _)));
            if (template.TryGetProperty("dag", out var dag))
            {
                Assert.False(template.TryGetProperty("timeout", out _));
                var tasks = dag.GetProperty("tasks").EnumerateArray().ToList();
                Assert.InRange(tasks.Count, 1, 200);
                foreach (var task in tasks)
                {
                    var taskName = task.GetProperty("name").GetString()!;
                    Assert.Matches(NamePattern(), taskName);
                    Assert.False(task.TryGetProperty("depends", out _) && task.TryGetProperty("dependencies", out _));
                    Assert.False(char.IsAsciiDigit(taskName[0]) && task.TryGetProperty("dependencies", out _));
                }
            }
        }

        if (spec.TryGetProperty("arguments", out var arguments))
        {
            Assert.All(arguments.GetProperty("parameters").EnumerateArray(), p => Assert.Matches(ParameterPattern(), p.GetProperty("name").GetString()!));
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9][-a-zA-Z0-9]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-zA-Z0-9_][-a-zA-Z0-9_]*$")]
    private static partial Regex ParameterPattern();
}
