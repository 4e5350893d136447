using ArgoFlow.TestSupport;
using Xunit.Sdk;

namespace ArgoFlow.Core.Tests.TestSupport;

/// <summary>The golden-file helper compares bytes: what a text comparison would hide fails, saying what it is.</summary>
public sealed class GoldenFileTests : IDisposable
{
    private const string Generated = "kind: WorkflowTemplate\nname: x\n";
    private readonly TempDirectory _dir = new("argoflow-golden");

    public void Dispose() => _dir.Dispose();

    [SkippableTheory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "", "byte-order mark")]
    [InlineData(new byte[0], "\xFF", "not valid UTF-8 (a bad byte sequence at byte 7: 0xFF)")]
    [InlineData(new byte[0], "\r", "first difference at byte 22 (line 1)")]
    public void A_golden_file_that_differs_only_in_bytes_fails_naming_the_difference(byte[] prefix, string marker, string expected)
    {
        Skip.If(Environment.GetEnvironmentVariable("ARGOFLOW_UPDATE_GOLDEN") == "1", "ARGOFLOW_UPDATE_GOLDEN=1 rewrites golden files instead of comparing");
        var path = _dir.Combine("golden.yaml");
        // The marker goes in as a raw byte where it is one char: 0xFF is never valid in UTF-8.
        var body = marker == "\xFF"
            ? [.. "kind: W"u8, 0xFF, .. "orkflowTemplate\nname: x\n"u8]
            : System.Text.Encoding.UTF8.GetBytes(Generated.Replace("\n", marker + "\n", StringComparison.Ordinal));
        File.WriteAllBytes(path, [.. prefix, .. body]);

        var failure = Assert.ThrowsAny<XunitException>(() => GoldenFile.AssertMatches(path, Generated));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_bytes_pass()
    {
        var path = _dir.Combine("golden.yaml");
        File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(Generated));

        GoldenFile.AssertMatches(path, Generated);
    }
}
