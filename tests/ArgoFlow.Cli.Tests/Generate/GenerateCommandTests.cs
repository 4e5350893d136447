using ArgoFlow.TestSupport;

namespace ArgoFlow.Cli.Tests.Generate;

public sealed class GenerateCommandTests
{
    [Fact]
    public async Task Stream_to_stdout_holds_every_document_and_stderr_stays_empty()
    {
        var (code, stdout, stderr) = await GenerateCli.RunAsync(["generate", .. GenerateCli.AllSamples(), "-o", "-"]);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(3, stdout.Split("kind: WorkflowTemplate\n").Length - 1);
        Assert.Contains("---\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("kind: Kustomization", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_output_writes_files_and_reports_on_stderr_only()
    {
        using var dir = new TempDirectory();

        var (code, stdout, stderr) = await GenerateCli.RunAsync(["generate", .. GenerateCli.AllSamples(), "--mode", "plugin", "--output-dir", dir.Path]);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("wrote 13 of 13 files to ", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "privacy", "workflowtemplate.yaml")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "services", "argo", "executor-plugin.yaml")));
    }

    [Theory]
    [InlineData("--name-suffix", "-plugin")] // a value that starts with '-' is still the option's value
    [InlineData("--name-suffix=-plugin", null)]
    public async Task Name_suffix_renames_the_template_folder_and_a_bad_one_exits_2_writing_nothing(string option, string? value)
    {
        using var dir = new TempDirectory();
        string[] suffix = value is null ? [option] : [option, value];

        var (code, _, stderr) = await GenerateCli.RunAsync(["generate", "-f", GenerateCli.Sample("classic"), "--mode", "plugin", .. suffix, "--output-dir", dir.Path]);
        var (badCode, _, badStderr) = await GenerateCli.RunAsync(["generate", "-f", GenerateCli.Sample("classic"), "--name-suffix=-X", "--output-dir", Path.Combine(dir.Path, "bad")]);

        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(dir.Path, "classic-plugin", "workflowtemplate.yaml")));
        Assert.Equal(2, badCode);
        Assert.StartsWith("error: --name-suffix '-X' on pipeline 'classic': ", badStderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "bad")));
    }

    [Fact]
    public async Task Tls_secret_secures_the_grpc_addresses_says_which_ca_it_trusts_and_a_bad_name_exits_2()
    {
        using var dir = new TempDirectory();

        var (code, _, stderr) = await GenerateCli.RunAsync(["generate", "-f", GenerateCli.Sample("classic"), "--mode", "container", "--tls-secret", "argoflow-tls", "--output-dir", dir.Path]);
        var (httpCode, _, httpStderr) = await GenerateCli.RunAsync(["generate", "-f", GenerateCli.Sample("classic"), "--tls-secret", "argoflow-tls", "--output-dir", Path.Combine(dir.Path, "http")]);
        var (badCode, _, badStderr) = await GenerateCli.RunAsync(["generate", "-f", GenerateCli.Sample("classic"), "--tls-secret", "Not_A_Name", "--output-dir", Path.Combine(dir.Path, "bad")]);

        Assert.True(code == 0, stderr);
        Assert.Contains("--target\n          - https://argoflow-resize-headless.argo.svc.cluster.local:9090",
            File.ReadAllText(Path.Combine(dir.Path, "classic", "workflowtemplate.yaml")), StringComparison.Ordinal);
        Assert.Contains("note: gRPC clients trust the CA in key ca.crt of Secret argoflow-tls", stderr, StringComparison.Ordinal);
        Assert.True(httpCode == 0, httpStderr);
        Assert.Contains("stays plain HTTP", httpStderr, StringComparison.Ordinal);
        Assert.Equal(2, badCode);
        Assert.StartsWith("error: --tls-secret: 'Not_A_Name' is not a valid name", badStderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "bad")));
    }

    [Fact]
    public async Task Check_passes_on_the_committed_golden_folder()
    {
        var golden = Path.Combine(SharedData.RepoRoot, "samples", "generated", "http");
        var (code, stdout, stderr) = await GenerateCli.RunAsync(["generate", .. GenerateCli.AllSamples(), "--output-dir", golden, "--check"]);

        Assert.True(code == 0, stdout + stderr);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public async Task Check_finds_a_one_character_change_prints_the_diff_and_exits_7()
    {
        using var dir = new TempDirectory();
        await GenerateCli.RunAsync(["generate", "-f", GenerateCli.Sample("classic"), "--output-dir", dir.Path]);
        var path = Path.Combine(dir.Path, "classic", "workflowtemplate.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("timeoutSeconds: 30", "timeoutSeconds: 31", StringComparison.Ordinal));

        var (code, stdout, stderr) = await GenerateCli.RunAsync("generate", "-f", GenerateCli.Sample("classic"), "--output-dir", dir.Path, "--check");

        Assert.Equal(7, code);
        Assert.StartsWith("--- a/classic/workflowtemplate.yaml\n+++ b/classic/workflowtemplate.yaml\n", stdout, StringComparison.Ordinal);
        Assert.Contains("-        timeoutSeconds: 31\n+        timeoutSeconds: 30\n", stdout, StringComparison.Ordinal);
        Assert.Contains("error: 1 file(s) in ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_spec_exits_3_with_every_problem_on_stderr_and_nothing_on_stdout()
    {
        using var dir = new TempDirectory();
        var spec = Path.Combine(dir.Path, "bad.yaml");
        File.WriteAllText(spec, "apiVersion: argoflow.io/v1alpha1\nkind: Pipeline\nmetadata: {name: bad}\nspec:\n  parameters: [{name: input}]\n  steps:\n    - {name: a, type: resise}\n    - {name: b, type: filter, with: {operation: blur}}\n");
        var output = Path.Combine(dir.Path, "out");

        var (code, stdout, stderr) = await GenerateCli.RunAsync("generate", "-f", spec, "--output-dir", output);

        Assert.Equal(3, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("error: 2 problems:", stderr, StringComparison.Ordinal);
        Assert.Contains($"{spec}:7:23: spec.steps[0].type: unknown step type 'resise'; did you mean 'resize'?", stderr, StringComparison.Ordinal);
        Assert.Contains($"{spec}:8:49: spec.steps[1].with.operation: expected one of", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Missing_spec_file_exits_3_naming_it()
    {
        var (code, _, stderr) = await GenerateCli.RunAsync("generate", "-f", "/nonexistent/x.yaml");

        Assert.Equal(3, code);
        Assert.Equal("error: /nonexistent/x.yaml: no such file\n", stderr);
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("generate", "-f", "x.yaml", "--mode", "pods")]
    [InlineData("generate", "-f", "x.yaml", "--bogus")]
    public async Task Bad_command_line_exits_2(params string[] args)
    {
        var (code, stdout, stderr) = await GenerateCli.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fused_container_mode_is_a_usage_error()
    {
        var (code, _, stderr) = await GenerateCli.RunAsync("generate", "-f", GenerateCli.Sample("classic"), "--fused", "--mode", "container");

        Assert.Equal(2, code);
        Assert.StartsWith("error: --fused works with --mode http or --mode plugin", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_without_a_folder_is_a_usage_error()
    {
        var (code, _, stderr) = await GenerateCli.RunAsync("generate", "-f", GenerateCli.Sample("classic"), "--check");

        Assert.Equal(2, code);
        Assert.StartsWith("error: --check needs --output-dir DIR", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_and_network_policy_options_reach_the_output()
    {
        var (code, stdout, _) = await GenerateCli.RunAsync("generate", "-f", GenerateCli.Sample("classic"), "--mode", "container",
            "--image", "registry.local/argoflow:1.2.3", "--network-policy");

        Assert.Equal(0, code);
        Assert.Contains("image: registry.local/argoflow:1.2.3\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("ghcr.io", stdout, StringComparison.Ordinal);
        Assert.Contains("kind: NetworkPolicy\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_examples()
    {
        var (code, stdout, _) = await GenerateCli.RunAsync("generate", "--help");

        Assert.Equal(0, code);
        Assert.Contains("Examples:\n  argoflow generate -f samples/pipelines/classic.yaml\n", stdout, StringComparison.Ordinal);
        Assert.Contains("argoflow generate -f pipeline.yaml --output-dir deploy/ --check", stdout, StringComparison.Ordinal);
    }
}
