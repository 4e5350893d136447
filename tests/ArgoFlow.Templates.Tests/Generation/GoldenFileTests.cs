using ArgoFlow.TestSupport;

namespace ArgoFlow.Templates.Tests.Generation;

/// <summary>
/// The generated output of every sample in every mode is committed under samples/generated/MODE and must match
/// byte for byte (ARGOFLOW_UPDATE_GOLDEN=1 rewrites it).
/// </summary>
public sealed class GoldenFileTests
{
    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Generated_files_match_the_committed_golden_files(string label)
    {
        var files = SampleOutput.Generate(label);
        var dir = SampleOutput.GoldenDir(label);

        foreach (var file in files)
        {
            GoldenFile.AssertMatches(Path.Combine(dir, file.Path), file.Content);
        }

        var expected = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var stale = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(dir, p).Replace('\\', '/'))
            .Where(p => !expected.Contains(p))
            .ToList();
        Assert.True(stale.Count == 0, $"files in {dir} that are no longer generated: {string.Join(", ", stale)}");
    }
}
