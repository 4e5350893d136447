using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Generation;

namespace ArgoFlow.Templates.Tests.Generation;

/// <summary>The target Argo release decides which fields are emitted; versions are read strictly.</summary>
public sealed class ArgoVersionTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("v3.5", false)]
    [InlineData("v3.6.4", false)]
    [InlineData("v3.7.0", true)]
    [InlineData("4.1.2", true)]
    public void Backoff_cap_is_emitted_only_for_targets_that_have_it(string? version, bool capped)
    {
        var options = SampleOutput.Options("http") with { ArgoVersion = version is null ? null : ArgoVersion.Parse(version, "--argo-version") };
        var text = string.Concat(PipelineGenerator.Generate(SampleOutput.Specs(), options).Select(f => f.Content));

        Assert.Equal(capped, text.Contains("cap: 30s", StringComparison.Ordinal));
        Assert.Contains("retryPolicy: Always", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v3.4.9", "supports Argo v3.5.0 and later")]
    [InlineData("latest", "is not an Argo version")]
    [InlineData("v3", "is not an Argo version")]
    [InlineData("v3.7.x", "is not an Argo version")]
    public void A_bad_or_unsupported_version_is_a_usage_error_naming_the_flag(string text, string message)
    {
        var ex = Assert.Throws<ArgoFlowException>(() => ArgoVersion.Parse(text, "--argo-version"));

        Assert.Equal(ExitCode.Usage, ex.ExitCode);
        Assert.StartsWith("--argo-version", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_target_is_the_oldest_supported_release() =>
        Assert.Equal(new ArgoVersion(3, 5, 0), new GeneratorOptions().Target);
}
