using ArgoFlow.Templates.Lint;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Templates.Tests.Lint;

/// <summary>
/// Lints Argo's own examples: the ones in ../shared/argo/examples, or with ARGOFLOW_ARGO_EXAMPLES set, the whole
/// examples/ folder of an argo-workflows checkout (v4.1.2: 217 YAML files, 207 of them Workflows or templates).
/// Every valid example must pass; the few Argo ships broken must fail with the reason listed here.
/// </summary>
public sealed class ArgoExamplesLintTests
{
    /// <summary>
    /// Examples that are not valid Kubernetes objects as written. Each carries the label
    /// workflows.argoproj.io/no-test, so Argo's examples test (test/e2e/examples_test.go) never submits them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> KnownInvalid = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // "generateName: fun-with-gifs-" is indented under metadata.labels, so the Workflow has no name at all.
        ["fun-with-gifs.yaml"] = "metadata.name: is required",

        // "name: k8s-jobs" is indented into the no-test-reasons block scalar above it, so it is text, not a name.
        ["k8s-jobs.yaml"] = "metadata.name: is required",

        // metadata has two "annotations" keys; kubectl and the API server's YAML decoding refuse duplicate keys.
        ["k8s-patch-json-workflow.yaml"] = "duplicate key 'annotations'",
    };

    public static string ExamplesDir =>
        Environment.GetEnvironmentVariable("ARGOFLOW_ARGO_EXAMPLES") is { Length: > 0 } dir ? dir : Path.Combine(SharedData.Root, "argo", "examples");

    [Fact]
    public void Every_valid_Argo_example_passes_lint_and_the_known_broken_ones_fail_for_their_reason()
    {
        var files = Directory.EnumerateFiles(ExamplesDir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);

        var falsePositives = new List<string>();
        foreach (var file in files)
        {
            var result = ManifestLinter.LintFile(file);
            if (KnownInvalid.TryGetValue(Path.GetFileName(file), out var reason))
            {
                Assert.Contains(result.Problems, p => p.ToString().Contains(reason, StringComparison.Ordinal));
            }
            else
            {
                falsePositives.AddRange(result.Problems.Select(p => p.ToString()));
            }
        }

        Assert.True(falsePositives.Count == 0, $"{falsePositives.Count} problem(s) on valid Argo examples:\n" + string.Join("\n", falsePositives));
    }
}
