using ArgoFlow.TestSupport;

namespace ArgoFlow.Cli.Tests.Generate;

/// <summary>Runs `argoflow` in-process with captured stdout and stderr, from the repository root.</summary>
internal static class GenerateCli
{
    public static string Sample(string name) => Path.Combine(SharedData.RepoRoot, "samples", "pipelines", name + ".yaml");

    public static string[] AllSamples() => ["-f", Sample("classic"), "-f", Sample("fan-out"), "-f", Sample("privacy")];

    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
