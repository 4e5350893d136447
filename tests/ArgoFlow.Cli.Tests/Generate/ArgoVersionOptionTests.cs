using ArgoFlow.Cli.Tests.Run;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Cli.Tests.Generate;

/// <summary>`--argo-version` of generate and lint: what the target lacks is left out or reported; a bad version is a usage error.</summary>
public sealed class ArgoVersionOptionTests : IDisposable
{
    private readonly TempDirectory temp = new("argoflow-argo-version");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Output_for_v3_7_has_backoff_caps_that_lint_for_v3_5_reports()
    {
        var spec = Path.Combine(SharedData.RepoRoot, "samples", "pipelines", "classic.yaml");
        var (code, stdout, stderr) = await CliInvocation.RunAsync("generate", "-f", spec, "--argo-version", "v3.7");
        Assert.True(code == 0, stderr);
        Assert.Contains("cap: 30s", stdout, StringComparison.Ordinal);
        await File.WriteAllTextAsync(temp.Combine("out.yaml"), stdout);

        var old = await CliInvocation.RunAsync("lint", temp.Combine("out.yaml"));
        var current = await CliInvocation.RunAsync("lint", "--argo-version", "v3.7.0", temp.Combine("out.yaml"));

        Assert.Equal(3, old.ExitCode);
        Assert.Contains("retryStrategy.backoff.cap: Argo v3.5.0 has no Backoff.cap (added in v3.7.0)", old.Stdout, StringComparison.Ordinal);
        Assert.True(current.ExitCode == 0, current.Stdout + current.Stderr);
    }

    [Fact]
    public async Task The_default_output_has_no_cap()
    {
        var spec = Path.Combine(SharedData.RepoRoot, "samples", "pipelines", "classic.yaml");

        var (code, stdout, _) = await CliInvocation.RunAsync("generate", "-f", spec);

        Assert.Equal(0, code);
        Assert.DoesNotContain("cap:", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generate", "v3.4")]
    [InlineData("lint", "three")]
    public async Task A_bad_version_is_a_usage_error(string command, string version)
    {
        var spec = Path.Combine(SharedData.RepoRoot, "samples", "pipelines", "classic.yaml");
        string[] args = command == "generate" ? ["generate", "-f", spec, "--argo-version", version] : ["lint", "--argo-version", version, spec];

        var (code, _, stderr) = await CliInvocation.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("--argo-version", stderr, StringComparison.Ordinal);
    }
}
