using ArgoFlow.Templates.Lint;
using ArgoFlow.Templates.Tests.Generation;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Templates.Tests.Lint;

/// <summary>ArgoFlow's implementation of Argo's lint rules, on good and broken workflows.</summary>
public sealed class ArgoLintTests
{
    private const string Valid = """
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata:
          name: demo
        spec:
          entrypoint: main
          arguments:
            parameters:
              - name: input
          templates:
            - name: main
              dag:
                tasks:
                  - name: first
                    template: call
                    arguments:
                      parameters:
                        - name: url
                          value: "{{workflow.parameters.input}}"
                  - name: second-step
                    template: call
                    dependencies: [first]
                    arguments:
                      parameters:
                        - name: url
                          value: "{{=jsonpath(tasks.first.outputs.result, '$.output')}}"
            - name: call
              inputs:
                parameters:
                  - name: url
              http:
                url: "{{inputs.parameters.url}}"
        """;

    [Fact]
    public void Valid_workflow_template_has_no_problems()
    {
        var result = ManifestLinter.Lint(Valid, "wf.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal(["WorkflowTemplate"], result.Kinds);
    }

    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Every_generated_file_passes_lint(string label)
    {
        foreach (var file in SampleOutput.Generate(label))
        {
            var result = ManifestLinter.Lint(file.Content, file.Path);
            Assert.True(result.Ok, string.Join("\n", result.Problems));
        }
    }

    [Theory]
    [InlineData("entrypoint: main", "entrypoint: mian", "6:15 spec.entrypoint: template 'mian' does not exist; did you mean 'main'?")]
    [InlineData("template: call\n            arguments:\n              parameters:\n                - name: url\n                  value: \"{{workflow", "template: cal\n            arguments:\n              parameters:\n                - name: url\n                  value: \"{{workflow", "15:23 spec.templates[0].dag.tasks[0].template: template 'cal' does not exist; did you mean 'call'?")]
    [InlineData("dependencies: [first]", "dependencies: [frist]", "22:28 spec.templates[0].dag.tasks[1].dependencies[0]: task 'frist' does not exist; did you mean 'first'?")]
    [InlineData("url: \"{{inputs.parameters.url}}\"", "url: \"{{inputs.parameters.uri}}\"", "32:14 spec.templates[1].http.url: {{inputs.parameters.uri}}: input parameter 'uri' is not declared in the template's inputs.parameters; did you mean 'url'?")]
    [InlineData("tasks.first.outputs", "tasks.second-step.outputs", "26:26 spec.templates[0].dag.tasks[1].arguments.parameters[0].value: {{=jsonpath(tasks.second-step.outputs.result, '$.output')}}: 'tasks.second-step' reads as a subtraction in an expression; write tasks['second-step']")]
    [InlineData("tasks.first.outputs", "tasks['second-step'].outputs", "26:26 spec.templates[0].dag.tasks[1].arguments.parameters[0].value: {{=jsonpath(tasks['second-step'].outputs.result, '$.output')}}: task 'second-step' is not a dependency of this task; add it to dependencies")]
    [InlineData("tasks.first.outputs", "tasks.fist.outputs", "26:26 spec.templates[0].dag.tasks[1].arguments.parameters[0].value: {{=jsonpath(tasks.fist.outputs.result, '$.output')}}: task 'fist' does not exist; did you mean 'first'?")]
    [InlineData("'$.output')}}", "'$.output'}}", "26:26 spec.templates[0].dag.tasks[1].arguments.parameters[0].value: {{=jsonpath(tasks.first.outputs.result, '$.output'}}: unbalanced parentheses or quotes")]
    [InlineData("{{workflow.parameters.input}}", "{{workflw.name}}", "19:26 spec.templates[0].dag.tasks[0].arguments.parameters[0].value: {{workflw.name}}: unknown variable 'workflw.name'; did you mean 'workflow'?")]
    [InlineData("- name: call", "- name: call_2", "27:13 spec.templates[1].name: 'call_2' is not a valid name: letters, digits and '-', starting with a letter or digit")]
    [InlineData("      http:\n", "      suspend: {}\n      http:\n", "27:7 spec.templates[1]: has 2 template types (http, suspend); give exactly one")]
    [InlineData("- name: second-step", "- name: 2nd", "20:19 spec.templates[0].dag.tasks[1].name: '2nd' begins with a digit, which Argo rejects in a DAG that uses depends or dependencies")]
    public void Broken_workflow_is_reported_at_the_right_place(string find, string replace, string expected)
    {
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);

        var result = ManifestLinter.Lint(text, "wf.yaml");

        Assert.Contains(expected, result.Problems.Select(p => $"{p.Location.Line}:{p.Location.Column} {p.Path}: {p.Message}"));
    }

    [Fact]
    public void Undeclared_workflow_parameter_is_reported_in_a_Workflow_but_not_in_a_WorkflowTemplate()
    {
        // validate.go resolveAllVariables: a WorkflowTemplate may read parameters the submitting Workflow declares.
        var template = Valid.Replace("{{workflow.parameters.input}}", "{{workflow.parameters.image}}", StringComparison.Ordinal);
        var workflow = template.Replace("kind: WorkflowTemplate", "kind: Workflow", StringComparison.Ordinal);

        Assert.Empty(ManifestLinter.Lint(template, "wf.yaml").Problems);
        Assert.Contains("19:26 spec.templates[0].dag.tasks[0].arguments.parameters[0].value: {{workflow.parameters.image}}: workflow parameter 'image' is not declared in spec.arguments.parameters",
            ManifestLinter.Lint(workflow, "wf.yaml").Problems.Select(p => $"{p.Location.Line}:{p.Location.Column} {p.Path}: {p.Message}"));
    }

    [Fact]
    public void Dependency_cycle_is_reported()
    {
        var text = Valid.Replace("template: call\n            arguments", "template: call\n            dependencies: [second-step]\n            arguments", StringComparison.Ordinal);

        var result = ManifestLinter.Lint(text, "wf.yaml");

        Assert.Contains(result.Problems, p => p.Message.StartsWith("dependency cycle: ", StringComparison.Ordinal) &&
                                              p.Message.Contains("first", StringComparison.Ordinal) && p.Message.Contains("second-step", StringComparison.Ordinal));
    }

    [Fact]
    public void Template_without_a_type_and_a_plugin_with_two_keys_are_reported()
    {
        var text = Valid.Replace("      http:\n        url: \"{{inputs.parameters.url}}\"", "      plugin:\n        a: {}\n        b: {}", StringComparison.Ordinal);
        var noType = Valid + "\n    - name: empty\n";

        Assert.Contains(ManifestLinter.Lint(text, "wf.yaml").Problems, p => p.Message == "must have exactly one key (the plugin's name), found 2");
        Assert.Contains(ManifestLinter.Lint(noType, "wf.yaml").Problems, p => p.Message.StartsWith("has no template type", StringComparison.Ordinal));
    }

    [Fact]
    public void Workflow_without_entrypoint_or_templates_is_reported()
    {
        var result = ManifestLinter.Lint("apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: x-}\nspec: {}\n", "wf.yaml");

        Assert.Equal(["spec.templates: needs at least one template (or spec.workflowTemplateRef)"], result.Problems.Select(p => $"{p.Path}: {p.Message}"));
    }

    [Fact]
    public void Pipeline_spec_is_linted_with_the_spec_validator()
    {
        var result = ManifestLinter.Lint("apiVersion: argoflow.io/v1alpha1\nkind: Pipeline\nmetadata: {name: x}\nspec: {parameters: [{name: input}], steps: [{name: a, type: resise}]}\n", "p.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Contains("did you mean 'resize'?", problem.Message, StringComparison.Ordinal);
    }
}
