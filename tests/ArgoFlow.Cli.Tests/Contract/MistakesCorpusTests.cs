using System.Text.RegularExpressions;
using ArgoFlow.Cli.Tests.Run;

namespace ArgoFlow.Cli.Tests.Contract;

/// <summary>
/// The README's contract for mistakes, held over every command: the documented exit code, an `error:` line that
/// names what is wrong, a `hint:` where one helps, and no stack trace without --verbose.
/// </summary>
public sealed partial class MistakesCorpusTests(MistakeFiles files) : IClassFixture<MistakeFiles>
{
    /// <summary>args (space-separated, placeholders from <see cref="MistakeFiles"/>), exit code, error text, hint text or "".</summary>
    public static TheoryData<string, int, string, string> Mistakes => new()
    {
        { "genrate -f {classic}", 2, "unknown command or argument 'genrate'", "did you mean 'generate'?" },
        { "generate -f {classic} --outptu json", 2, "unknown option '--outptu'", "did you mean '--output'?" },
        { "generate -f {classic} --namspace argo", 2, "unknown option '--namspace'", "" },
        { "generate -f {classic} -o json", 2, "-o json: generate writes YAML only", "--output-dir DIR" },
        { "generate -f {classic} -o {dir}/deploy", 2, "-o is the output format", "--output-dir {dir}/deploy" },
        { "generate", 2, "option '--file' is required", "argoflow generate --help" },
        { "generate -f {dir}/absent.yaml", 3, "absent.yaml", "" },
        { "generate -f {dir}/tab.yaml", 3, "tab.yaml:6:1: malformed YAML: a tab in the indentation", "" },
        { "generate -f {dir}/unclosed.yaml", 3, "unclosed.yaml:6:10: malformed YAML: '{' is never closed", "" },
        { "generate -f {classic} --mode fast", 2, "fast", "argoflow generate --help" },
        { "generate -f {classic} --check", 2, "--check needs --output-dir DIR", "" },
        { "generate -f {classic} --agent-namespaces media", 2, "pipeline 'classic' runs in namespace 'argo', which the agent would not serve", "add argo to --agent-namespaces" },
        { "generate -f {classic} --agent-namespaces argo,Media", 2, "--agent-namespaces 'argo,Media': 'Media'", "--agent-namespaces argo,media" },
        { "lint", 2, "required argument missing", "argoflow lint --help" },
        { "lint {dir}/absent.yaml", 3, "problem(s) in 1 of 1 file(s)", "" },
        { "lint {dir}/empty", 3, "the folder holds no *.yaml or *.yml files", "" },
        { "lint {dir}/tab.yaml", 3, "1 problem(s)", "" },
        { "run", 2, "option '--file' is required", "argoflow run --help" },
        { "run -f {classic} --repeat abc", 2, "--repeat 'abc': expected an integer", "" },
        { "run -f {classic} --parallel 0", 2, "--parallel: must be in 1..256", "" },
        { "run -f {classic} -p novalue", 2, "-p novalue: expected NAME=VALUE", "" },
        { "run -f {privacy} --input {image} -p padding=abc --services {closed}", 3, "parameter 'padding'", "-p NAME=VALUE" },
        { "run -f {privacy} --input {image} --parameter-file {dir}/params.yaml --services {closed}", 3, "got 'wide'", "" },
        { "run -f {classic} --parameter-file {dir}/absent.yaml", 3, "--parameter-file {dir}/absent.yaml: no such file", "" },
        { "run -f {classic} --input {dir}/missing.jpg --output-dir {dir}/out-missing", 3, "no such file here", "" },
        { "run -f {classic} -o xml", 2, "--output: must be table or json", "" },
        { "run -f {classic} --services nowhere", 2, "--services", "" },
        { "run -f {privacy} --input {image} --model {repo}/README.md --output-dir {dir}/out-model", 3, "not a loadable ONNX model", "--model" },
        { "run -f {classic} --input {dir}/photo.jpg --output-dir {dir}/out-photo", 3, "not a decodable image", "refused the input" },
        { "run -f {dir}/no-retry.yaml --input s3://images/x.jpg --services {closed}", 4, "UNAVAILABLE", "is a service listening there?" },
        { "step resize --input a.jpg", 2, "option '--target' is required", "" },
        { "step resize --target 127.0.0.1:1 --input a.jpg --width abc", 2, "expected", "argoflow step resize --help" },
        { "step resize --target {closed} --input a.jpg --width 64 --retries 0", 4, "UNAVAILABLE", "is a service listening" },
        { "step detect --target 127.0.0.1:1 --input a.jpg --timeout-seconds 0", 2, "--timeout-seconds: must be >= 1", "" },
        { "step blur --target 127.0.0.1:1", 2, "unknown command or argument 'blur'", "" },
        { "models pull nosuch", 2, "unknown model 'nosuch'", "known models: fastestdet" },
        { "models pull fastestdet --from mirror.local/model.onnx", 2, "expected an http:// or https:// URL", "--from https://" },
        { "health --target nothost", 2, "is not host:port", "" },
        { "health --target {closed} --timeout 2", 4, "did not answer the health check", "" },
        { "health --timeout soon", 2, "--timeout 'soon': expected a number", "" },
        { "apply", 2, "option '--file' is required", "" },
        { "apply -f {dir}/unclosed.yaml --kubeconfig {kubeconfig}", 3, "unclosed.yaml:6:10", "" },
        { "apply -f {dir}/absent.yaml --kubeconfig {kubeconfig}", 3, "no such file or directory", "" },
        { "apply -f {classic} --kubeconfig {dir}/no-kubeconfig", 4, "does not exist", "" },
        { "submit --kubeconfig {kubeconfig}", 2, "give exactly one of --from", "-f is --parameter-file" },
        { "submit --from template/x --kubeconfig {kubeconfig}", 2, "expected workflowtemplate/NAME", "" },
        { "submit --from workflowtemplate/x -f {classic} --kubeconfig {kubeconfig}", 2, "not a file of parameters", "argoflow submit FILE" },
        { "submit --from workflowtemplate/x -o toml --kubeconfig {kubeconfig}", 2, "-o toml: expected one of", "" },
        { "submit --from workflowtemplate/x --wait --timeout soon --kubeconfig {kubeconfig}", 2, "--timeout \"soon\"", "" },
        { "get", 2, "required argument missing", "" },
        { "get wf --request-timeout soon --kubeconfig {kubeconfig}", 2, "--request-timeout \"soon\"", "" },
        { "get wf --request-timeout 1s --kubeconfig {silent}", 4, "did not answer GET", "--request-timeout" },
        { "get absent-wf --kubeconfig {kubeconfig}", 4, "absent-wf", "" },
        { "bench", 2, "choose what to benchmark: --local or --cluster", "" },
        { "bench --local --report {dir}/no-such-folder/r.md", 3, "the folder {dir}/no-such-folder does not exist", "mkdir -p" },
        { "bench --cluster --kubeconfig {kubeconfig}", 2, "needs at least one --from", "" },
        { "bench --local --runs many", 2, "--runs 'many': expected an integer", "" },
        { "serve --grpc-port abc", 2, "--grpc-port 'abc': expected an integer", "" },
        { "agent -A -n argo --kubeconfig {kubeconfig}", 2, "-A/--all-namespaces and -n/--namespace exclude each other", "" },
        { "agent --workers 0", 2, "--workers must be >= 1, got 0", "argoflow agent --help" },
        { "agent --workers abc", 2, "--workers 'abc': expected an integer", "" },
        { "agent --plugin hello", 2, "--plugin 'hello' must be NAME=URL[,token-file]", "--plugin hello=http://" },
        { "agent --patch-window soon", 2, "--patch-window \"soon\"", "" },
        { "agent --request-timeout soon", 2, "--request-timeout \"soon\"", "" },
        { "agent --allow-endpoint http://x/y", 2, "--allow-endpoint 'http://x/y' is not a HOST:PORT pattern", "argoflow-*.svc.cluster.local:*" },
        { "agent -n argo --kubeconfig {dir}/no-kubeconfig", 4, "does not exist", "" },
        { "completion tcsh", 2, "tcsh", "" },
        { "plugin serve --port abc", 2, "--port 'abc': expected an integer", "" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_gets_its_exit_code_an_error_line_a_hint_and_no_stack_trace(string args, int code, string error, string hint)
    {
        var (actual, stdout, stderr) = await CliInvocation.RunAsync(files.Expand(args.Split(' ')));
        var expanded = files.Expand([error, hint]);

        Assert.True(code == actual, $"exit {actual}, expected {code}; stderr:\n{stderr}");
        var errors = stderr.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Any(l => l.Contains(expanded[0], StringComparison.Ordinal)), $"no error line with '{expanded[0]}'; stderr:\n{stderr}");
        if (hint.Length > 0)
        {
            Assert.True(stderr.Split('\n').Any(l => l.StartsWith("hint: ", StringComparison.Ordinal) && l.Contains(expanded[1], StringComparison.Ordinal)),
                $"no hint line with '{expanded[1]}'; stderr:\n{stderr}");
        }

        Assert.False(StackFrame().IsMatch(stderr), $"stack trace without --verbose:\n{stderr}");
        Assert.DoesNotContain("this is a bug", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_corpus_covers_every_command_with_at_least_forty_mistakes()
    {
        var commands = Mistakes.Select(row => ((string)row[0]).Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        var visible = CliApp.BuildRoot().Subcommands.Where(c => !c.Hidden && c.Name != "version").Select(c => c.Name);

        Assert.True(Mistakes.Count >= 40, $"{Mistakes.Count} mistakes");
        Assert.Empty(visible.Except(commands));
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace_to_the_same_error()
    {
        var (code, _, stderr) = await CliInvocation.RunAsync(files.Expand(["get", "wf", "--request-timeout", "1s", "--kubeconfig", "{silent}", "--verbose"]));

        Assert.Equal(4, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Matches(StackFrame(), stderr);
    }

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
