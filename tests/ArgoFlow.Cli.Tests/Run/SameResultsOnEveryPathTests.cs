using System.Text;
using System.Text.Json.Nodes;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Plugin;
using ArgoFlow.Steps.Runner;
using ArgoFlow.Templates.Spec;
using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.Argo;

namespace ArgoFlow.Cli.Tests.Run;

/// <summary>
/// One sample pipeline through the three ways of executing its steps - the runner library (`argoflow run`), the
/// executor plugin fed with the generated plugin templates, and `argoflow step` fed with the generated container
/// templates' args, the generated http templates against the HTTP/JSON routes, and fused mode (the PipelineService)
/// through the generated fused-plugin and fused-http templates - against the same real services: every path must
/// write the same objects with the same bytes.
/// </summary>
public sealed class SameResultsOnEveryPathTests(WarmServices services) : IClassFixture<WarmServices>
{
    private const string Pipeline = "privacy";
    private static readonly Dictionary<string, string> Parameters = new() { ["input"] = "in/0.jpg", ["padding"] = "8" };

    [Fact]
    public async Task Runner_plugin_and_step_paths_write_the_same_objects_with_the_same_bytes()
    {
        services.DeleteOutputs();
        var fromRunner = await RunnerAsync();
        services.DeleteOutputs();
        var fromPlugin = await PluginAsync("plugin");
        services.DeleteOutputs();
        var fromStep = await StepAsync();
        services.DeleteOutputs();
        var fromFusedPlugin = await PluginAsync("fused-plugin");
        services.DeleteOutputs();
        var fromFusedHttp = await HttpAsync("fused-http");
        services.DeleteOutputs();
        var fromHttp = await HttpAsync("http");

        Assert.Equal(3, fromRunner.Count);
        Assert.Contains(fromRunner.Keys, k => k.EndsWith(".json", StringComparison.Ordinal));
        Assert.Equal(fromRunner.Keys, fromPlugin.Keys);
        foreach (var (path, outputs) in new[]
                 { ("plugin", fromPlugin), ("step", fromStep), ("fused-plugin", fromFusedPlugin), ("fused-http", fromFusedHttp), ("http", fromHttp) })
        {
            Assert.Equal(fromRunner.Keys, outputs.Keys);
            foreach (var key in fromRunner.Keys)
            {
                Assert.True(fromRunner[key].AsSpan().SequenceEqual(outputs[key]), $"{path} path wrote different bytes for {key}");
            }
        }
    }

    [Theory]
    [InlineData("http")]
    [InlineData("fused-http")]
    public async Task An_input_key_with_quotes_reaches_the_services_intact_through_the_generated_http_bodies(string mode)
    {
        const string key = "in/say \"cheese\" {now}.jpg";
        File.Copy(Path.Combine(services.StoreRoot, "in", "0.jpg"), Path.Combine(services.StoreRoot, key), overwrite: true);
        services.DeleteOutputs();

        var outputs = await HttpAsync(mode, new Dictionary<string, string> { ["input"] = key, ["padding"] = "8" });

        Assert.Equal(3, outputs.Count);
        Assert.All(outputs.Keys, k => Assert.StartsWith("in/say \"cheese\" {now}.", k, StringComparison.Ordinal));
    }

    private async Task<SortedDictionary<string, byte[]>> RunnerAsync()
    {
        var spec = PipelineSpecReader.ReadFile(Path.Combine(SharedData.RepoRoot, "samples", "pipelines", Pipeline + ".yaml"));
        using var client = new StepClient();
        var run = await new PipelineRunner(client).RunAsync(
            spec, Parameters, new PipelineRunOptions { TargetFor = _ => services.Target }, CancellationToken.None);
        Assert.True(run.Succeeded, string.Join("; ", run.Steps.Select(s => s.Message)));
        return services.Outputs();
    }

    private async Task<SortedDictionary<string, byte[]>> PluginAsync(string mode)
    {
        using var temp = new TempDirectory("argoflow-token");
        await File.WriteAllTextAsync(temp.Combine("token"), "agent-token");
        using var client = new StepClient();
        await using var plugin = await PluginHost.StartAsync(
            new PluginOptions { Port = 0, TokenFile = temp.Combine("token") }, client, null, CancellationToken.None);
        using var http = new HttpClient();
        var simulator = new ArgoTemplateSimulator(Generated(mode), services.Target);
        await simulator.RunAsync(Parameters, async template =>
        {
            var node = await AgentCall.ExecuteAsync(http, plugin, "agent-token", "privacy-abc12", template);
            Assert.True((string?)node["phase"] == "Succeeded", (string?)node["message"]);
            return (string)node["outputs"]!["result"]!;
        });
        return services.Outputs();
    }

    private async Task<SortedDictionary<string, byte[]>> StepAsync()
    {
        var simulator = new ArgoTemplateSimulator(Generated("container"), services.Target);
        await simulator.RunAsync(Parameters, async template =>
        {
            var args = template["container"]!["args"]!.AsArray().Select(a => a!.ToString()).ToArray();
            var (code, stdout, stderr) = await CliInvocation.RunAsync(args);
            Assert.True(code == 0, stderr);
            return stdout.Trim();
        });
        return services.Outputs();
    }

    /// <summary>
    /// Each http template's call made against the services' HTTP/JSON routes, its successCondition evaluated on the
    /// answer the way Argo's agent does.
    /// </summary>
    private async Task<SortedDictionary<string, byte[]>> HttpAsync(string mode, IReadOnlyDictionary<string, string>? parameters = null)
    {
        using var http = new HttpClient();
        var simulator = new ArgoTemplateSimulator(Generated(mode), services.Target, services.Host.HttpBaseUrl);
        await simulator.RunAsync(parameters ?? Parameters, async template =>
        {
            var call = template["http"]!;
            using var request = new HttpRequestMessage(new HttpMethod((string)call["method"]!), new Uri((string)call["url"]!))
            {
                Content = new StringContent((string)call["body"]!, Encoding.UTF8, "application/json"),
            };
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(ArgoSuccessCondition.Evaluate((string?)call["successCondition"], (int)response.StatusCode, body), body);
            return body;
        });
        return services.Outputs();
    }

    private static string Generated(string mode) =>
        Path.Combine(SharedData.RepoRoot, "samples", "generated", mode, Pipeline, "workflowtemplate.yaml");
}
