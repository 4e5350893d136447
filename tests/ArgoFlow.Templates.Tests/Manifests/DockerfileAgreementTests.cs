using System.Text.Json;
using System.Text.RegularExpressions;
using ArgoFlow.Templates.Manifests;
using ArgoFlow.Templates.Tests.Generation;
using ArgoFlow.Templates.Tests.Schema;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Templates.Tests.Manifests;

/// <summary>
/// The generated container templates start the executable the project's own image has: Argo's emissary resolves
/// <c>command[0]</c> with exec.LookPath, so a bare name must be on the image's PATH and an absolute path must be
/// where the Dockerfile puts the published build.
/// </summary>
public sealed partial class DockerfileAgreementTests
{
    private static readonly string[] RuntimeStage = ReadRuntimeStage();

    [Fact]
    public void The_executable_is_the_published_cli_in_the_runtime_stage_workdir()
    {
        var workdir = Single("WORKDIR");
        var assembly = AssemblyNameRegex().Match(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "cli", "ArgoFlow.Cli", "ArgoFlow.Cli.csproj")));

        Assert.True(assembly.Success, "cli/ArgoFlow.Cli/ArgoFlow.Cli.csproj has no <AssemblyName>");
        Assert.Equal(ImageLayout.Executable, workdir.TrimEnd('/') + "/" + assembly.Groups[1].Value);
        Assert.Contains(RuntimeStage, line => line.StartsWith("COPY --from=build /out/ ./", StringComparison.Ordinal));
    }

    [Fact]
    public void The_image_entrypoint_is_the_executable_the_generator_names()
    {
        var entrypoint = JsonSerializer.Deserialize<string[]>(Single("ENTRYPOINT"))!;

        Assert.Equal([ImageLayout.Executable], entrypoint);
    }

    [Fact]
    public void Every_container_template_runs_the_image_executable_by_absolute_path()
    {
        var commands = SampleOutput.Generate("container")
            .SelectMany(f => YamlJson.Documents(f.Content))
            .Where(d => d.GetProperty("kind").GetString() == "WorkflowTemplate")
            .SelectMany(d => d.GetProperty("spec").GetProperty("templates").EnumerateArray())
            .Where(t => t.TryGetProperty("container", out _))
            .Select(t => t.GetProperty("container").GetProperty("command").EnumerateArray().Select(c => c.GetString() ?? string.Empty).ToArray())
            .ToList();

        Assert.NotEmpty(commands);
        Assert.All(commands, command => Assert.Equal([ImageLayout.Executable], command));
    }

    private static string Single(string instruction)
    {
        var lines = RuntimeStage.Where(l => l.StartsWith(instruction + " ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"expected one {instruction} in the Dockerfile's runtime stage, found {lines.Count}");
        return lines[0][(instruction.Length + 1)..].Trim();
    }

    /// <summary>The lines of the last stage (after the last FROM), continuation lines joined.</summary>
    private static string[] ReadRuntimeStage()
    {
        var text = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var last = Array.FindLastIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal));
        return lines[(last + 1)..];
    }

    [GeneratedRegex("<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNameRegex();
}
