using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Tests.Yaml;

/// <summary>
/// Multi-line double-quoted scalars indented less than their block: Go's YAML parser (Argo, kubectl) reads them,
/// YamlDotNet alone refuses them; the loader must read them with the value line folding gives and the same lines.
/// </summary>
public sealed class QuotedScalarIndentTests
{
    private const string Text = "spec:\n  args: [\"\n  echo one &&\n  echo two \\\"q\\\" &&\necho three\n    \"]\n  after: x\n";

    [Fact]
    public void Under_indented_double_quoted_scalar_reads_with_folded_value_and_unchanged_lines()
    {
        var spec = (YMapping)((YMapping)SafeYamlLoader.Load(Text, "t.yaml")[0])["spec"]!;

        var arg = Assert.IsType<YScalar>(Assert.Single(((YSequence)spec["args"]!).Items));
        Assert.Equal(" echo one && echo two \"q\" && echo three ", arg.Value);
        Assert.Equal(7, spec.Find("after")!.Value.Key.Line);
    }

    [Fact]
    public void Unterminated_scalar_is_still_a_malformed_yaml_error_with_its_position()
    {
        var ex = Assert.Throws<ValidationException>(() => SafeYamlLoader.Load("spec:\n  args: [\"\nnever closed\n", "t.yaml"));

        var problem = Assert.Single(ex.Diagnostics);
        Assert.StartsWith("malformed YAML", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Location.Line >= 2, problem.ToString());
    }

    [Fact]
    public void Repairs_are_bounded_so_a_file_of_many_such_scalars_is_refused_not_looped_over()
    {
        var many = "a:\n" + string.Concat(Enumerable.Range(0, SafeYamlLoader.MaxRepairs + 1).Select(i => $"  k{i}: \"x\ny\"\n"));
        var few = "a:\n" + string.Concat(Enumerable.Range(0, 3).Select(i => $"  k{i}: \"x\ny\"\n"));

        Assert.Equal("x y", ((YScalar)((YMapping)((YMapping)SafeYamlLoader.Load(few, "t.yaml")[0])["a"]!)["k2"]!).Value);
        var ex = Assert.Throws<ValidationException>(() => SafeYamlLoader.Load(many, "t.yaml"));
        Assert.Contains("multi-line double-quoted scalar", Assert.Single(ex.Diagnostics).Message, StringComparison.Ordinal);
    }
}
