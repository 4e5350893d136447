using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Tests.Yaml;

public sealed class ManifestYamlTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("on")]
    [InlineData("Off")]
    [InlineData("yes")]
    [InlineData("n")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("-7")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData("017")]
    [InlineData("1_000")]
    [InlineData("1:30")]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".NaN")]
    [InlineData("3.14")]
    [InlineData("2026-11-26")]
    [InlineData(" padded")]
    public void String_a_reader_would_take_as_another_type_is_double_quoted_and_reads_back_as_text(string value)
    {
        var yaml = ManifestYaml.Serialize(new Parameter("p", value));

        Assert.Contains($"value: \"{value}\"", yaml, StringComparison.Ordinal);
        var read = (YMapping)SafeYamlLoader.Load(yaml, "t.yaml")[0];
        var scalar = Assert.IsType<YScalar>(read["value"]);
        Assert.False(scalar.IsPlain);
        Assert.Equal(value, scalar.Value);
    }

    [Theory]
    [InlineData("s3://images/a.jpg")]
    [InlineData("resize")]
    [InlineData("1.2.3")]
    [InlineData("v1")]
    public void Ordinary_string_stays_plain(string value)
    {
        Assert.Equal($"name: p\nvalue: {value}\n", ManifestYaml.Serialize(new Parameter("p", value)));
    }

    [Fact]
    public void Nulls_are_omitted_keys_are_camel_case_in_declaration_order_and_one_newline_ends_the_text()
    {
        var yaml = ManifestYaml.Serialize(new Template("t", Http: new HttpTemplate("http://x", TimeoutSeconds: 5, SuccessCondition: "response.statusCode == 200")));

        Assert.Equal("name: t\nhttp:\n  url: http://x\n  timeoutSeconds: 5\n  successCondition: response.statusCode == 200\n", yaml);
    }

    [Fact]
    public void Multi_line_text_is_a_literal_block()
    {
        var yaml = ManifestYaml.Serialize(new Parameter("p", "a: 1\nb: 2\n"));

        Assert.Equal("name: p\nvalue: |\n  a: 1\n  b: 2\n", yaml);
    }

    [Fact]
    public void Shared_objects_are_written_out_twice_never_as_aliases()
    {
        var shared = new Parameter("x", "y");
        var yaml = ManifestYaml.Serialize(new Arguments([shared, shared]));

        Assert.DoesNotContain("&", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("*", yaml, StringComparison.Ordinal);
        Assert.Equal(2, yaml.Split("name: x").Length - 1);
    }

    [Fact]
    public void Document_header_becomes_comment_lines()
    {
        Assert.StartsWith("# one\n# two\nname: p\n", ManifestYaml.Document("one\ntwo", new Parameter("p")), StringComparison.Ordinal);
    }
}
