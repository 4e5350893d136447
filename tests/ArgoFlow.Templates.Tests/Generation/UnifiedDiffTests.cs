using ArgoFlow.Templates.Generation;

namespace ArgoFlow.Templates.Tests.Generation;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_have_no_diff()
    {
        Assert.Equal(string.Empty, UnifiedDiff.Create("a\nb\n", "a\nb\n", "a", "b"));
    }

    [Fact]
    public void One_changed_line_shows_as_a_hunk_with_context()
    {
        var before = string.Concat(Enumerable.Range(1, 10).Select(i => $"line{i}\n"));
        var after = before.Replace("line5\n", "line5!\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Create(before, after, "a/f.yaml", "b/f.yaml");

        Assert.Equal("--- a/f.yaml\n+++ b/f.yaml\n@@ -2,7 +2,7 @@\n line2\n line3\n line4\n-line5\n+line5!\n line6\n line7\n line8\n", diff);
    }

    [Fact]
    public void Distant_changes_make_separate_hunks_and_additions_count_right()
    {
        var before = string.Concat(Enumerable.Range(1, 20).Select(i => $"l{i}\n"));
        var after = before.Replace("l2\n", "l2\nnew\n", StringComparison.Ordinal).Replace("l18\n", string.Empty, StringComparison.Ordinal);

        var diff = UnifiedDiff.Create(before, after, "a", "b");

        Assert.Contains("@@ -1,5 +1,6 @@\n l1\n l2\n+new\n l3\n", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -15,6 +16,5 @@\n l15\n l16\n l17\n-l18\n l19\n l20\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void New_file_diffs_against_empty()
    {
        Assert.Equal("--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.Create(string.Empty, "a\nb\n", "/dev/null", "b/x"));
    }
}
