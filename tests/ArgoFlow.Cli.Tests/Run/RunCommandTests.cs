using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArgoFlow.Core.Errors;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.Ports;

namespace ArgoFlow.Cli.Tests.Run;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempDirectory temp = new("argoflow-run");

    private static string Sample(string name) => Path.Combine(SharedData.RepoRoot, "samples", "pipelines", name + ".yaml");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_newcomer_gets_a_resized_image_a_detections_json_and_a_filtered_image_in_the_output_folder()
    {
        var output = temp.Combine("out");

        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "run", "-f", Sample("privacy"), "--input", SharedData.Image("0.jpg"), "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(string.Empty, stdout);
        var files = Directory.GetFiles(output).Select(Path.GetFileName).ToList();
        Assert.Single(files, f => f!.StartsWith("0.resize-", StringComparison.Ordinal) && f.EndsWith(".jpg", StringComparison.Ordinal) && f.Count(c => c == '.') == 2);
        var detections = Assert.Single(files, f => f!.EndsWith(".json", StringComparison.Ordinal));
        Assert.Single(files, f => f!.Contains(".filter-", StringComparison.Ordinal) && f.EndsWith(".png", StringComparison.Ordinal));
        Assert.Contains("person", await File.ReadAllTextAsync(Path.Combine(output, detections!)), StringComparison.Ordinal);
        Assert.Contains("find-people", stderr, StringComparison.Ordinal);
        Assert.Contains("times in ms", stderr, StringComparison.Ordinal);
        Assert.Contains("download", stderr, StringComparison.Ordinal);
        Assert.Contains("pipeline privacy: Succeeded", stderr, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^find-people: person \d+$", stderr);
        Assert.Contains("files written (3):", stderr, StringComparison.Ordinal);
        Assert.Contains($"  find-people.detections: {Path.Combine(output, detections!)}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("find-people.image", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_output_dir_the_temporary_folder_is_printed_and_detect_writes_its_json_there()
    {
        var (code, _, stderr) = await CliInvocation.RunAsync("run", "-f", Sample("classic"), "--input", SharedData.Image("1.jpg"));

        var folder = Regex.Match(stderr, "^outputs go to (.+) \\(pass --output-dir DIR to choose\\)$", RegexOptions.Multiline).Groups[1].Value;
        try
        {
            Assert.True(code == 0, stderr);
            Assert.StartsWith(Path.GetTempPath(), folder, StringComparison.Ordinal);
            // Nothing in classic reads detect's detections, yet a run keeps them: the JSON, the annotated copy, two images.
            var files = Directory.GetFiles(folder).Where(f => Path.GetFileName(f) != "1.jpg").ToList();
            Assert.Equal(4, files.Count);
            Assert.Contains("files written (4):", stderr, StringComparison.Ordinal);
            Assert.All(files, f => Assert.Contains($": {f}{Environment.NewLine}", stderr, StringComparison.Ordinal));
            Assert.Single(files, f => f.EndsWith(".json", StringComparison.Ordinal));
            Assert.Matches(@"(?m)^detect: (nothing found|\w[\w ]* \d+(, \w[\w ]* \d+)*)$", stderr);
        }
        finally
        {
            if (folder.Length > 0)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task No_detections_json_skips_the_file_a_later_step_does_not_need()
    {
        var output = temp.Combine("out");

        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "run", "-f", Sample("classic"), "--input", SharedData.Image("1.jpg"), "--output-dir", output, "--no-detections-json", "-o", "json");

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain(Directory.GetFiles(output), f => f.EndsWith(".json", StringComparison.Ordinal));
        var report = JsonNode.Parse(stdout)!;
        Assert.Equal(3, (int)report["fileCount"]!);
        Assert.NotNull(report["detections"]!["detect"]);
    }

    [Fact]
    public async Task No_detections_json_leaves_the_json_a_later_step_reads()
    {
        var output = temp.Combine("out");

        var (code, _, stderr) = await CliInvocation.RunAsync(
            "run", "-f", Sample("privacy"), "--input", SharedData.Image("0.jpg"), "--output-dir", output, "--no-detections-json");

        Assert.True(code == 0, stderr);
        Assert.Single(Directory.GetFiles(output), f => f.EndsWith(".json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_output_carries_every_step_with_attempts_timing_outputs_and_result()
    {
        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "run", "-f", Sample("classic"), "--input", SharedData.Image("1.jpg"), "--out", temp.Path, "--output", "json");

        Assert.True(code == 0, stderr);
        var report = JsonNode.Parse(stdout)!;
        Assert.Equal("Succeeded", (string?)report["phase"]);
        var steps = report["runs"]![0]!["steps"]!.AsArray();
        Assert.Equal(["resize", "detect", "filter"], steps.Select(s => (string?)s!["name"]));
        Assert.All(steps, s => Assert.Equal(1, (int)s!["attempts"]!));
        Assert.All(steps, s => Assert.True((double)s!["timing"]!["totalMs"]! > 0));
        var filtered = (string)steps[2]!["outputs"]!["image"]!;
        Assert.True(File.Exists(new Uri(filtered).LocalPath));
        Assert.Equal(filtered, (string?)steps[2]!["result"]!["output"]);
        Assert.Equal((string?)steps[0]!["result"]!["output"], (string?)steps[1]!["result"]!["input"]);
    }

    [Fact]
    public async Task A_folder_input_runs_every_image_and_repeat_multiplies_the_runs()
    {
        var images = temp.Combine("images");
        Directory.CreateDirectory(images);
        File.Copy(SharedData.Image("2.jpg"), Path.Combine(images, "a.jpg"));
        File.Copy(SharedData.Image("3.jpg"), Path.Combine(images, "b.jpg"));
        await File.WriteAllTextAsync(Path.Combine(images, "notes.txt"), "not an image");

        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "run", "-f", Sample("classic"), "--input", images, "--out", temp.Combine("out"), "--repeat", "2", "--parallel", "2", "--output", "json");

        Assert.True(code == 0, stderr);
        var runs = JsonNode.Parse(stdout)!["runs"]!.AsArray();
        Assert.Equal(["a.jpg", "a.jpg", "b.jpg", "b.jpg"], runs.Select(r => (string?)r!["parameters"]!["input"]));
        Assert.Contains("4/4 runs succeeded", stderr, StringComparison.Ordinal);
        // A repeat overwrites its input's files: 4 per image (resized, detections JSON, annotated, filtered), each once.
        var report = JsonNode.Parse(stdout)!;
        Assert.Equal(8, (int)report["fileCount"]!);
        Assert.All(report["files"]!.AsArray(), f => Assert.True(File.Exists((string)f!["path"]!), (string?)f["path"]));
        Assert.NotNull(report["detections"]!["detect"]);
    }

    [Fact]
    public async Task Services_that_are_down_fail_the_first_step_skip_the_rest_and_exit_4_with_a_hint()
    {
        var spec = temp.Combine("no-retry.yaml");
        await File.WriteAllTextAsync(spec, (await File.ReadAllTextAsync(Sample("classic"))).Replace("limit: 3", "limit: 0", StringComparison.Ordinal));
        using var refusing = new RefusingPort();
        var closed = refusing.Target;

        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "run", "-f", spec, "--input", "s3://images/x.jpg", "--services", closed, "--output", "json");

        Assert.Equal((int)ExitCode.Unavailable, code);
        Assert.Contains("hint: is a service listening there?", stderr, StringComparison.Ordinal);
        var steps = JsonNode.Parse(stdout)!["runs"]![0]!["steps"]!.AsArray();
        Assert.Equal(["Failed", "Skipped", "Skipped"], steps.Select(s => (string?)s!["phase"]));
        Assert.Contains($"error: step 'resize' at {closed} failed: UNAVAILABLE", stderr, StringComparison.Ordinal);
        Assert.Contains("skipped: step 'resize' failed", (string?)steps[1]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_spec_file_is_invalid_input()
    {
        var (code, _, stderr) = await CliInvocation.RunAsync("run", "-f", temp.Combine("absent.yaml"), "--services", "127.0.0.1:1");

        Assert.Equal((int)ExitCode.InvalidInput, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("absent.yaml", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-p", "novalue")]
    [InlineData("--repeat", "0")]
    [InlineData("--output", "xml")]
    [InlineData("--services", "nowhere")]
    [InlineData("--services", "127.0.0.1:1,https://127.0.0.1:2")]
    public async Task Bad_flags_are_usage_errors(string flag, string value)
    {
        var (code, stdout, stderr) = await CliInvocation.RunAsync("run", "-f", Sample("classic"), flag, value);

        Assert.Equal((int)ExitCode.Usage, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(flag, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_pipeline_parameter_is_invalid_input_naming_the_known_ones()
    {
        var (code, _, stderr) = await CliInvocation.RunAsync(
            "run", "-f", Sample("classic"), "-p", "colour=red", "--services", "127.0.0.1:1");

        Assert.Equal((int)ExitCode.InvalidInput, code);
        Assert.Contains("'colour' is not a parameter of pipeline 'classic'", stderr, StringComparison.Ordinal);
        Assert.Contains("takes: input", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_input_that_is_neither_a_file_nor_a_stored_key_is_invalid_input()
    {
        var (code, _, stderr) = await CliInvocation.RunAsync(
            "run", "-f", Sample("classic"), "--input", temp.Combine("missing.jpg"), "--out", temp.Combine("out"));

        Assert.Equal((int)ExitCode.InvalidInput, code);
        Assert.Contains("no such file here", stderr, StringComparison.Ordinal);
    }
}
