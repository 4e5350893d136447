using System.Text.Json.Nodes;
using ArgoFlow.Core.Errors;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Cli.Tests.Run;

/// <summary>`argoflow run --services HOST:PORT`: the same runner and client against services running elsewhere.</summary>
public sealed class RunAgainstRunningServicesTests(WarmServices services) : IClassFixture<WarmServices>
{
    private static readonly string Classic = Path.Combine(SharedData.RepoRoot, "samples", "pipelines", "classic.yaml");

    [Fact]
    public async Task A_store_key_input_runs_on_the_given_services()
    {
        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "run", "-f", Classic, "--services", services.Target, "--input", "in/4.jpg", "--output", "json");

        Assert.True(code == 0, stderr);
        var report = JsonNode.Parse(stdout)!;
        Assert.Equal($"services at {services.Target}", (string?)report["services"]);
        Assert.Null(report["outputDirectory"]);
        var image = (string)report["runs"]![0]!["steps"]![2]!["outputs"]!["image"]!;
        Assert.StartsWith(new Uri(services.StoreRoot).AbsoluteUri + "/in/4.resize-", image, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_file_inside_the_services_store_is_sent_as_a_file_uri()
    {
        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "run", "-f", Classic, "--services", services.Target, "--input", Path.Combine(services.StoreRoot, "in", "3.jpg"), "--output", "json");

        Assert.True(code == 0, stderr);
        Assert.Equal(new Uri(Path.Combine(services.StoreRoot, "in", "3.jpg")).AbsoluteUri,
            (string?)JsonNode.Parse(stdout)!["runs"]![0]!["parameters"]!["input"]);
    }

    [Fact]
    public async Task A_local_file_the_services_cannot_reach_is_invalid_input_with_their_reason()
    {
        var (code, _, stderr) = await CliInvocation.RunAsync(
            "run", "-f", Classic, "--services", services.Target, "--input", SharedData.Image("0.jpg"));

        Assert.Equal((int)ExitCode.InvalidInput, code);
        Assert.Contains("INVALID_ARGUMENT", stderr, StringComparison.Ordinal);
        Assert.Contains("outside the store root", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_addresses_are_one_service_with_replicas_and_a_dead_one_fails_no_step()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closed = $"127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();

        var (code, stdout, stderr) = await CliInvocation.RunAsync(
            "run", "-f", Classic, "--services", $"{closed},{services.Target}", "--input", "in/4.jpg", "--repeat", "3", "--output", "json");

        Assert.True(code == 0, stderr);
        Assert.Equal(3, JsonNode.Parse(stdout)!["runs"]!.AsArray().Count);
    }
}
