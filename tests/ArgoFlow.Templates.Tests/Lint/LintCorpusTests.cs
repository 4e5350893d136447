using ArgoFlow.Templates.Lint;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Templates.Tests.Lint;

/// <summary>
/// The project's own corpus of Argo workflows (Lint/Corpus): every file under valid/ passes lint, and every file
/// under invalid/ reports exactly the problems its <c># expect: LINE:COLUMN: PATH: MESSAGE</c> lines name - no
/// more, no fewer, in that file.
/// </summary>
public sealed class LintCorpusTests
{
    private const string ExpectPrefix = "# expect: ";

    public static string CorpusDir => Path.Combine(SharedData.RepoRoot, "tests", "ArgoFlow.Templates.Tests", "Lint", "Corpus");

    public static TheoryData<string> ValidFiles => Files("valid");

    public static TheoryData<string> InvalidFiles => Files("invalid");

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Valid_corpus_file_passes_lint(string name)
    {
        var result = ManifestLinter.LintFile(Path.Combine(CorpusDir, "valid", name));

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.NotEmpty(result.Kinds);
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Invalid_corpus_file_reports_exactly_the_expected_problems(string name)
    {
        var path = Path.Combine(CorpusDir, "invalid", name);
        var expected = File.ReadAllLines(path).Where(l => l.StartsWith(ExpectPrefix, StringComparison.Ordinal))
            .Select(l => path + ":" + l[ExpectPrefix.Length..]).ToList();
        Assert.NotEmpty(expected);

        var result = ManifestLinter.LintFile(path);

        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Problems.Select(p => p.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Corpus_covers_every_registered_rule()
    {
        // Each rule class names itself after what it checks; the invalid corpus must trip every one of them.
        var invalid = Directory.EnumerateFiles(Path.Combine(CorpusDir, "invalid"), "*.yaml")
            .SelectMany(f => ManifestLinter.LintFile(f).Problems).ToList();
        var paths = invalid.Select(p => p.Path).ToList();
        string[] mustAppear =
        [
            "metadata.name", "workflowTemplateRef", ".hooks.", "podGC.strategy", "spec.arguments.parameters",
            "container.image", "script.image", ".timeout", ".pendingTimeout", "activeDeadlineSeconds", ".parallelism", ".podResources",
            ".resourceClaims", "resource.action", "outputs.parameters", "outputs.artifacts", "inputs.artifacts",
            "retryStrategy.retryPolicy", "metrics.prometheus", ".withParam", ".withSequence", "templateRef.template",
            ".dependencies", ".continueOn", ".depends", "dag.target", "spec.schedules", "spec.concurrencyPolicy",
            ".initContainers", ".sidecars", ".volumeMounts", "containerSet.containers", "resource.manifest", "resource.manifestFrom",
            ".arguments.artifacts",
        ];

        Assert.All(mustAppear, fragment => Assert.Contains(paths, p => p.Contains(fragment, StringComparison.Ordinal)));
    }

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(CorpusDir, folder), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
