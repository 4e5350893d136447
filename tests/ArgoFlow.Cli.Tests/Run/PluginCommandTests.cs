using ArgoFlow.Core.Errors;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Cli.Tests.Run;

public sealed class PluginCommandTests
{
    [Fact]
    public async Task Serve_without_a_readable_token_file_exits_with_invalid_input_and_a_hint()
    {
        using var temp = new TempDirectory();

        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "plugin", "serve", "--port", "0", "--token-file", temp.Combine("token"));

        Assert.Equal((int)ExitCode.InvalidInput, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("cannot read the plugin token file", stderr, StringComparison.Ordinal);
        Assert.Contains("hint: Argo mounts it at /var/run/argo/token", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--address", "not-an-ip")]
    public async Task Serve_with_a_bad_listen_address_is_a_usage_error(string flag, string value)
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.Combine("token"), "t");

        var (code, _, stderr) = await CliInvocation.RunAsync("plugin", "serve", "--token-file", temp.Combine("token"), flag, value);

        Assert.Equal((int)ExitCode.Usage, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }
}
