using System.Text;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Templates.Tests.Spec;

/// <summary>Empty, malformed, huge, binary and malicious inputs get one clear error, never a crash or a hang.</summary>
public sealed class HostileInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void Empty_file_says_it_is_empty(string text)
    {
        var problem = Assert.Single(SpecAssert.Problems(text));
        Assert.Contains("the file is empty", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_bracket_is_reported_where_it_opens_not_at_the_end()
    {
        var problem = Assert.Single(SpecAssert.Problems("apiVersion: argoflow.io/v1alpha1\nkind: [Pipeline\nmetadata: {}\n\n\n"));
        Assert.StartsWith("malformed YAML: '[' is never closed", problem.Message, StringComparison.Ordinal);
        Assert.Equal((2, 7), (problem.Location.Line, problem.Location.Column));
    }

    [Fact]
    public void Tab_indentation_is_malformed_yaml_not_a_crash()
    {
        var problem = Assert.Single(SpecAssert.Problems("apiVersion: argoflow.io/v1alpha1\nkind: Pipeline\nspec:\n  parameters: []\n\tsteps: []\n"));
        Assert.StartsWith("malformed YAML: a tab in the indentation", problem.Message, StringComparison.Ordinal);
        Assert.Equal((5, 1), (problem.Location.Line, problem.Location.Column));
    }

    [Fact]
    public void Alias_bomb_is_refused_before_it_expands()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var problem = Assert.Single(SpecAssert.Problems(yaml.ToString()));
        Assert.Contains("possible YAML alias bomb", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var yaml = new string('[', 5000) + new string(']', 5000);
        var problem = Assert.Single(SpecAssert.Problems(yaml));
        Assert.Contains("nesting deeper than 64 levels", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_over_one_mebibyte_is_refused_before_parsing()
    {
        var yaml = "# " + new string('x', (int)PipelineSpecReader.MaxSpecBytes) + "\n";
        var ex = Assert.Throws<ArgoFlowException>(() => PipelineSpecReader.Read(yaml, "big.yaml"));
        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.Contains("larger than the 1024 KiB limit for a pipeline spec", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_file_is_refused_by_its_size()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("huge.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(64L * 1024 * 1024);
        }

        var ex = Assert.Throws<ArgoFlowException>(() => PipelineSpecReader.ReadFile(path));
        Assert.StartsWith($"{path}: 67108864 bytes is larger than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_is_reported_as_not_utf8()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("image.yaml");
        File.WriteAllBytes(path, [(byte)'a', (byte)':', (byte)'\n', 0xFF, 0xD8, 0xFF, 0xE0]);

        var ex = Assert.Throws<ValidationException>(() => PipelineSpecReader.ReadFile(path));
        var problem = Assert.Single(ex.Diagnostics);
        Assert.Equal(2, problem.Location.Line);
        Assert.Contains("not UTF-8 text", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nul_characters_are_reported_as_binary()
    {
        var problem = Assert.Single(SpecAssert.Problems("apiVersion: x\nkind: \0\n"));
        Assert.Equal(2, problem.Location.Line);
        Assert.Contains("NUL", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_documents_in_one_spec_file_are_refused()
    {
        var problem = Assert.Single(SpecAssert.Problems("a: 1\n---\nb: 2\n"));
        Assert.Contains("holds 2 YAML documents", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, problem.Location.Line);
    }

    [Fact]
    public void Duplicate_keys_are_refused_at_the_second_key()
    {
        var problem = Assert.Single(SpecAssert.Problems("kind: Pipeline\nkind: Pipeline\n"));
        Assert.Equal("duplicate key 'kind'", problem.Message);
        Assert.Equal(2, problem.Location.Line);
    }

    [Fact]
    public void Missing_file_is_invalid_input_naming_the_path()
    {
        var ex = Assert.Throws<ArgoFlowException>(() => PipelineSpecReader.ReadFile("/nonexistent/spec.yaml"));
        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.Equal("/nonexistent/spec.yaml: no such file", ex.Message);
    }

    [Fact]
    public void Top_level_list_is_reported_as_the_wrong_shape()
    {
        var problem = Assert.Single(SpecAssert.Problems("- a\n- b\n"));
        Assert.Equal("expected a mapping, found a list", problem.Message);
    }
}
