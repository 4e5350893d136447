using ArgoFlow.TestSupport;

namespace ArgoFlow.Cli.Tests.Generate;

public sealed class LintCommandTests
{
    [Fact]
    public async Task Samples_and_their_generated_output_lint_clean()
    {
        var generated = Directory.EnumerateFiles(Path.Combine(SharedData.RepoRoot, "samples", "generated"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

        var (code, stdout, stderr) = await GenerateCli.RunAsync(["lint", GenerateCli.Sample("classic"), GenerateCli.Sample("privacy"), .. generated]);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
        Assert.EndsWith("file(s) ok\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_go_to_stdout_with_locations_and_exit_3()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "wf.yaml");
        File.WriteAllText(path, "apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {name: wf}\nspec:\n  entrypoint: mian\n  templates:\n    - name: main\n      suspend: {}\n");

        var (code, stdout, stderr) = await GenerateCli.RunAsync("lint", path);

        Assert.Equal(3, code);
        Assert.Equal($"{path}:5:15: spec.entrypoint: template 'mian' does not exist; did you mean 'main'?\n", stdout);
        Assert.Equal("error: 1 problem(s) in 1 of 1 file(s)\n", stderr);
    }

    [Fact]
    public async Task Unreadable_file_is_a_problem_not_a_crash()
    {
        var (code, stdout, _) = await GenerateCli.RunAsync("lint", "/nonexistent/wf.yaml");

        Assert.Equal(3, code);
        Assert.Contains("/nonexistent/wf.yaml", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_files_is_a_usage_error()
    {
        var (code, _, _) = await GenerateCli.RunAsync("lint");

        Assert.Equal(2, code);
    }
}
