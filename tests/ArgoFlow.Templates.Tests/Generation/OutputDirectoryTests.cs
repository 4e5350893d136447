using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Generation;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Templates.Tests.Generation;

public sealed class OutputDirectoryTests
{
    [Fact]
    public void Writing_then_checking_finds_no_difference()
    {
        using var dir = new TempDirectory();
        var files = SampleOutput.Generate("http");

        Assert.Equal(files.Count, OutputDirectory.Write(dir.Path, files));
        Assert.Equal(string.Empty, OutputDirectory.Compare(dir.Path, files, out var differing));
        Assert.Equal(0, differing);
        Assert.Equal(0, OutputDirectory.Write(dir.Path, files));
        Assert.Empty(Directory.EnumerateFiles(dir.Path, "*.argoflow-tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Check_detects_a_one_character_change_with_a_diff()
    {
        using var dir = new TempDirectory();
        var files = SampleOutput.Generate("http");
        OutputDirectory.Write(dir.Path, files);
        var path = dir.Combine("classic", "workflowtemplate.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"width\":640", "\"width\":641", StringComparison.Ordinal));

        var diff = OutputDirectory.Compare(dir.Path, files, out var differing);

        Assert.Equal(1, differing);
        Assert.StartsWith("--- a/classic/workflowtemplate.yaml\n+++ b/classic/workflowtemplate.yaml\n@@ ", diff, StringComparison.Ordinal);
        Assert.Contains("\"width\":641", diff.Split('\n').Single(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_detects_a_byte_order_mark_and_write_removes_it()
    {
        using var dir = new TempDirectory();
        var files = SampleOutput.Generate("http");
        OutputDirectory.Write(dir.Path, files);
        var path = dir.Combine("classic", "workflowtemplate.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);

        OutputDirectory.Compare(dir.Path, files, out var differing);

        Assert.Equal(1, differing);
        Assert.Equal(1, OutputDirectory.Write(dir.Path, files));
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
    }

    [Fact]
    public void Check_reports_missing_and_stale_generated_files_but_ignores_other_files()
    {
        using var dir = new TempDirectory();
        var files = SampleOutput.Generate("http");
        OutputDirectory.Write(dir.Path, files);
        File.Delete(dir.Combine("kustomization.yaml"));
        Directory.CreateDirectory(dir.Combine("old"));
        File.WriteAllText(dir.Combine("old", "workflowtemplate.yaml"), OutputDirectory.Marker + " long ago\nkind: X\n");
        File.WriteAllText(dir.Combine("README.yaml"), "mine: true\n");

        var diff = OutputDirectory.Compare(dir.Path, files, out var differing);

        Assert.Equal(2, differing);
        Assert.Contains("--- /dev/null\n+++ b/kustomization.yaml\n", diff, StringComparison.Ordinal);
        Assert.Contains("--- a/old/workflowtemplate.yaml\n+++ /dev/null\n", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("README", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_write_changes_nothing_and_leaves_no_temporary_files()
    {
        using var dir = new TempDirectory();
        var old = new GeneratedFile("a/one.yaml", "old\n");
        OutputDirectory.Write(dir.Path, [old]);
        File.WriteAllText(dir.Combine("blocker"), "a file where a folder is needed\n");

        var ex = Assert.Throws<ArgoFlowException>(() => OutputDirectory.Write(dir.Path,
            [new GeneratedFile("a/one.yaml", "new\n"), new GeneratedFile("blocker/two.yaml", "x\n")]));

        Assert.Contains("nothing was changed", ex.Hint, StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(dir.Combine("a", "one.yaml")));
        Assert.Empty(Directory.EnumerateFiles(dir.Path, "*.argoflow-tmp", SearchOption.AllDirectories));
    }
}
