using System.CommandLine;
using ArgoFlow.Cli.Commands;
using ArgoFlow.Cli.Tests.Run;
using ArgoFlow.Services.Imaging;

namespace ArgoFlow.Cli.Tests.Contract;

/// <summary>The parts of the user contract that are not mistakes: help, examples, suggestions, completion, timeouts.</summary>
public sealed class CliContractTests
{
    [Fact]
    public async Task Argoflow_alone_prints_the_help_and_exits_0()
    {
        var (code, stdout, stderr) = await CliInvocation.RunAsync();

        Assert.Equal(0, code);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        Assert.Contains("generate", stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public async Task A_command_group_alone_prints_its_help()
    {
        var (code, stdout, _) = await CliInvocation.RunAsync("models");

        Assert.Equal(0, code);
        Assert.Contains("pull", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_command_help_has_examples_and_parent_lists_show_only_the_summary()
    {
        var missing = new List<string>();
        foreach (var path in Leaves(CliApp.BuildRoot(), []))
        {
            var (code, stdout, _) = await CliInvocation.RunAsync([.. path, "--help"]);
            if (code != 0 || !stdout.Contains("\nExamples:\n  argoflow ", StringComparison.Ordinal))
            {
                missing.Add(string.Join(' ', path));
            }
        }

        var (_, root, _) = await CliInvocation.RunAsync("--help");
        Assert.Empty(missing);
        Assert.DoesNotContain("Examples:", root, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("genrate", "generate")]
    [InlineData("aply", "apply")]
    [InlineData("--namspace", "--namespace")]
    [InlineData("--kubeconfg", "--kubeconfig")]
    [InlineData("--request-timout", "--request-timeout")]
    [InlineData("--output-dri", "--output-dir")]
    public void A_misspelling_is_matched_to_the_closest_name(string typed, string meant)
    {
        string[] names = ["generate", "apply", "get", "--namespace", "--kubeconfig", "--request-timeout", "--output", "--output-dir", "--context"];

        Assert.Equal(meant, UsageErrors.Closest(typed, names));
    }

    [Fact]
    public void A_word_far_from_every_name_gets_no_suggestion() =>
        Assert.Null(UsageErrors.Closest("deploy", ["generate", "lint", "run"]));

    [Fact]
    public async Task Completion_scripts_ask_argoflow_through_the_suggest_directive()
    {
        foreach (var shell in new[] { "bash", "zsh", "fish" })
        {
            var (code, stdout, _) = await CliInvocation.RunAsync("completion", shell);
            Assert.Equal(0, code);
            Assert.Contains("[suggest:", stdout, StringComparison.Ordinal);
        }

        var root = CliApp.BuildRoot();
        var completions = root.Parse("generate --mode ").GetCompletions(16).Select(c => c.Label).ToList();
        Assert.Equal(["container", "http", "plugin"], completions);
        Assert.Contains(root.Directives, d => d is System.CommandLine.Completions.SuggestDirective);
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("0", 0)]
    [InlineData("5", 5)]
    [InlineData("1m", 60)]
    [InlineData("1500ms", 1.5)]
    public void Request_timeout_takes_kubectls_forms(string? text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ClusterOptions.ParseTimeout(text));

    [Fact]
    public void A_missing_native_library_is_named_with_the_install_line()
    {
        // The loader's message when libOpenCvSharpExtern.so exists but GTK is not installed (Debian 12, no libgtk-3-0).
        const string Message = "Unable to load shared library 'OpenCvSharpExtern' or one of its dependencies.\n" +
            "/app/runtimes/linux-x64/native/OpenCvSharpExtern.so: cannot open shared object file: No such file or directory\n" +
            "libgtk-3.so.0: cannot open shared object file: No such file or directory\n";

        var error = NativeRuntime.Missing(Message);

        Assert.Equal(ArgoFlow.Core.Errors.ExitCode.Unavailable, error.ExitCode);
        Assert.Contains("needs libgtk-3.so.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get update && apt-get install -y --no-install-recommends libgtk-3-0 libdrm2 libatomic1", error.Hint, StringComparison.Ordinal);
        Assert.Contains("libdrm2", NativeRuntime.Missing("libdrm.so.2: cannot open shared object file").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenCv_loads_on_this_machine_and_an_absent_library_is_reported()
    {
        NativeRuntime.EnsureOpenCv();

        Assert.NotNull(NativeRuntime.Probe("argoflow_no_such_library"));
    }

    private static IEnumerable<string[]> Leaves(Command command, string[] path)
    {
        var visible = command.Subcommands.Where(c => !c.Hidden).ToList();
        if (visible.Count == 0)
        {
            yield return path;
        }

        foreach (var sub in visible)
        {
            foreach (var leaf in Leaves(sub, [.. path, sub.Name]))
            {
                yield return leaf;
            }
        }
    }
}
