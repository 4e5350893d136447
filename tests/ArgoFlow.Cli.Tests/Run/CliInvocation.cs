namespace ArgoFlow.Cli.Tests.Run;

/// <summary>Runs `argoflow ARGS` in-process through <see cref="CliApp"/>, capturing stdout and stderr.</summary>
internal static class CliInvocation
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
