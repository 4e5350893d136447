using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArgoFlow.Cli.Tests.Run;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Cli.Tests.Commands;

public sealed class BenchLocalCommandTests
{
    [Fact]
    public async Task Local_bench_prints_the_json_report_and_writes_the_markdown_and_chart()
    {
        using var temp = new TempDirectory();
        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "bench", "--local", "--modes", "warm,inproc", "--runs", "2", "--warmup", "1", "--input", SharedData.Image("0.jpg"),
            "--model", SharedData.ModelPath, "--output", "json", "--report", temp.Combine("r.md"), "--chart", temp.Combine("c.svg"));

        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal("local", (string?)json["kind"]);
        Assert.Equal(["warm", "inproc"], json["modes"]!.AsArray().Select(m => (string?)m!["name"]));
        Assert.All(json["modes"]!.AsArray(), m => Assert.Equal((2, 0, 1), ((int)m!["successes"]!, (int)m["failures"]!, (int)m["warmupRuns"]!)));
        Assert.Equal("warm", (string?)json["ratios"]![0]!["numerator"]);
        Assert.Contains("| warm | 2 | 2 | 0 |", File.ReadAllText(temp.Combine("r.md")), StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(temp.Combine("c.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_bench_of_one_service_reports_a_one_step_pipeline()
    {
        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "bench", "--local", "--service", "resize", "--modes", "inproc", "--runs", "1", "--warmup", "0",
            "--input", SharedData.Image("0.jpg"), "--output", "json");

        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal("resize", (string?)json["settings"]!["service"]);
        Assert.Equal("resize", (string?)json["modes"]![0]!["steps"]!.AsArray().Single()!["name"]);
    }

    [Fact]
    public async Task Without_warmup_the_local_bench_does_the_warm_up_runs_its_help_names()
    {
        var (_, help, _) = await CliInvocation.RunAsync("bench", "--help");
        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "bench", "--local", "--service", "resize", "--modes", "inproc", "--runs", "1", "--input", SharedData.Image("0.jpg"), "--output", "json");

        Assert.Contains("(default 0 with --cluster, 3 with --local)", Regex.Replace(help, @"\s+", " "), StringComparison.Ordinal);
        Assert.True(code == 0, stderr);
        Assert.Equal(3, (int)JsonNode.Parse(stdout)!["modes"]![0]!["warmupRuns"]!);
    }

    [Theory]
    [InlineData("--modes", "warm,hot")]
    [InlineData("--service", "blur")]
    [InlineData("--runs", "0")]
    [InlineData("--target", "soon")]
    [InlineData("--cluster", "true")]
    public async Task Bad_local_flags_are_usage_errors_before_anything_runs(string flag, string value)
    {
        var (code, _, stderr) = await CliInvocation.RunAsync("bench", "--local", flag, value, "--input", SharedData.Image("0.jpg"));
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_input_is_invalid_input_naming_the_path()
    {
        var (code, _, stderr) = await CliInvocation.RunAsync("bench", "--local", "--input", "/nonexistent/photo.jpg");
        Assert.Equal(3, code);
        Assert.Contains("/nonexistent/photo.jpg", stderr, StringComparison.Ordinal);
    }
}
