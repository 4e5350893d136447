using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Lint;

namespace ArgoFlow.Templates.Tests.Lint;

/// <summary>lint --argo-version: fields the target release lacks are reported with their line; others pass.</summary>
public sealed class ArgoVersionLintTests
{
    private const string Workflow = """
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata:
          name: capped
        spec:
          entrypoint: main
          synchronization:
            mutex:
              name: one
          templates:
            - name: main
              retryStrategy:
                limit: "2"
                backoff:
                  duration: 1s
                  cap: 10s
              container:
                image: busybox
        """;

    [Fact]
    public void A_target_without_the_fields_reports_each_with_its_line()
    {
        var result = ManifestLinter.Lint(Workflow, "w.yaml", new ArgoVersion(3, 5, 0));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("spec.templates[0].retryStrategy.backoff.cap", problem.Path);
        Assert.Equal(16, problem.Location.Line);
        Assert.Contains("added in v3.7.0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_after_a_removal_reports_the_removed_field()
    {
        var result = ManifestLinter.Lint(Workflow, "w.yaml", new ArgoVersion(4, 1, 2));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("spec.synchronization.mutex", problem.Path);
        Assert.Contains("removed in v4.0.0", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 7, 0)]
    [InlineData(3, 9, 0)]
    public void A_target_with_every_field_passes(int major, int minor, int patch) =>
        Assert.Empty(ManifestLinter.Lint(Workflow, "w.yaml", new ArgoVersion(major, minor, patch)).Problems);

    [Fact]
    public void Without_a_target_no_release_is_checked() =>
        Assert.Empty(ManifestLinter.Lint(Workflow, "w.yaml").Problems);
}
