using System.Text;
using System.Text.Json.Nodes;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cli.Tests.Run;

public sealed class StepCommandTests(WarmServices services) : IClassFixture<WarmServices>
{
    [Fact]
    public async Task Step_prints_the_same_json_the_services_http_route_returns()
    {
        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "step", "resize", "--target", services.Target, "--input", "in/1.jpg", "--width", "200", "--height", "150", "--fit", "fill");
        using var http = new HttpClient();
        using var response = await http.PostAsync(
            new Uri(services.Host.HttpBaseUrl!, "/v1/resize"),
            new StringContent("""{"input":"in/1.jpg","width":200,"height":150,"fit":"fill"}""", Encoding.UTF8, "application/json"));
        var viaHttp = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.True(code == 0, stderr);
        Assert.EndsWith("\n", stdout, StringComparison.Ordinal);
        var viaStep = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(viaHttp.Select(p => p.Key), viaStep.Select(p => p.Key));
        viaHttp.Remove("timing");
        viaStep.Remove("timing");
        Assert.Equal(viaHttp.ToJsonString(), viaStep.ToJsonString());
        Assert.Equal(200, (int)viaStep["width"]!);
    }

    [Fact]
    public async Task Step_detect_with_list_and_boolean_flags_writes_its_detections()
    {
        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "step", "detect", "--target", services.Target, "--input", "in/0.jpg", "--classes", "person,car", "--write-detections", "--score-threshold", "0.5");

        Assert.True(code == 0, stderr);
        var result = JsonNode.Parse(stdout)!;
        Assert.All(result["detections"]!.AsArray(), d => Assert.Equal("person", (string?)d!["className"]));
        Assert.True(File.Exists(new Uri((string)result["detectionsUri"]!).LocalPath));
    }

    [Fact]
    public async Task A_missing_object_is_invalid_input_naming_step_endpoint_and_status()
    {
        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "step", "filter", "--target", services.Target, "--input", "in/nope.jpg", "--operation", "grayscale");

        Assert.Equal((int)ExitCode.InvalidInput, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith($"error: step 'filter' at {services.Target} failed: NOT_FOUND", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_parameter_values_are_usage_errors_listed_together_before_any_call()
    {
        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "step", "filter", "--target", "127.0.0.1:1", "--input", "a.jpg", "--operation", "melt", "--kernel-size", "4", "--quality", "101");

        Assert.Equal((int)ExitCode.Usage, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--operation: expected one of", stderr, StringComparison.Ordinal);
        Assert.Contains("--quality: expected an integer in 1..100", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("UNAVAILABLE", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Camel_case_flag_aliases_match_the_catalogue_names()
    {
        var (code, _, stderr) = await CliInvocation.RunAsync(
            "step", "resize", "--target", services.Target, "--input", "in/2.jpg", "--maxSide", "100");

        Assert.True(code == 0, stderr);
    }

    [Fact]
    public async Task A_service_that_is_not_there_is_unavailable_after_the_retries()
    {
        var (code, _, stderr) = await CliInvocation.RunAsync(
            "step", "resize", "--target", "127.0.0.1:1", "--input", "a.jpg", "--width", "10", "--retries", "0");

        Assert.Equal((int)ExitCode.Unavailable, code);
        Assert.Contains("UNAVAILABLE", stderr, StringComparison.Ordinal);
        Assert.Contains("after 1 attempt", stderr, StringComparison.Ordinal);
    }
}
