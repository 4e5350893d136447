using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Plugin;
using ArgoFlow.Steps.Tests.Doubles;
using ArgoFlow.TestSupport;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Plugin;

public sealed class ExecutorPluginTests : IAsyncLifetime
{
    private const string Token = "s3cr3t-agent-token";
    private readonly TempDirectory temp = new("argoflow-plugin");
    private readonly StepClient client = new();
    private readonly HttpClient http = new();
    private DoubleServicesHost services = null!;
    private PluginHost plugin = null!;

    public async Task InitializeAsync()
    {
        services = await DoubleServicesHost.StartAsync();
        services.Put("in/photo.jpg", [1, 2, 3]);
        await File.WriteAllTextAsync(temp.Combine("token"), Token + "\n");
        plugin = await StartPluginAsync(new PluginOptions { Port = 0, TokenFile = temp.Combine("token") });
    }

    public async Task DisposeAsync()
    {
        await plugin.DisposeAsync();
        await services.DisposeAsync();
        client.Dispose();
        http.Dispose();
        temp.Dispose();
    }

    [Fact]
    public async Task An_argoflow_template_succeeds_with_the_response_json_as_result_and_outputs_as_parameters()
    {
        var (status, body) = await PostAsync(ResizeBody(services.Target), Token);

        Assert.Equal(HttpStatusCode.OK, status);
        var node = body["node"]!;
        Assert.Equal("Succeeded", (string?)node["phase"]);
        Assert.StartsWith("resize succeeded in ", (string?)node["message"], StringComparison.Ordinal);
        var result = JsonNode.Parse((string)node["outputs"]!["result"]!)!;
        Assert.EndsWith("in/photo.resize-64x48-fit.jpg", (string?)result["output"], StringComparison.Ordinal);
        Assert.Equal(64, (int)result["width"]!);
        var parameter = Assert.Single(node["outputs"]!["parameters"]!.AsArray());
        Assert.Equal("image", (string?)parameter!["name"]);
        Assert.Equal((string?)result["output"], (string?)parameter["value"]);
        Assert.Null(body["requeue"]);
    }

    [Fact]
    public async Task A_template_of_another_plugin_gets_an_empty_object()
    {
        var (status, body) = await PostAsync(ArgoRequests.Body("hello", "hello", new JsonObject()), Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("{}", body.ToJsonString());
        Assert.Equal(0, services.Faults.Calls("resize"));
    }

    [Fact]
    public async Task A_wrong_token_is_forbidden_and_nothing_is_called()
    {
        var (status, body) = await PostAsync(ResizeBody(services.Target), "not-the-token");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("does not match", (string?)body["error"], StringComparison.Ordinal);
        Assert.Equal(0, services.Faults.Calls("resize"));
    }

    [Fact]
    public async Task A_missing_token_is_unauthorized()
    {
        var (status, _) = await PostAsync(ResizeBody(services.Target), null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, services.Faults.Calls("resize"));
    }

    [Fact]
    public async Task A_rotated_token_file_is_picked_up()
    {
        await File.WriteAllTextAsync(temp.Combine("token"), "rotated");

        var (status, _) = await PostAsync(ResizeBody(services.Target), "rotated");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"workflow": {}}""")]
    [InlineData("""{"template": "resize"}""")]
    public async Task A_malformed_body_is_a_bad_request(string raw)
    {
        var (status, body) = await PostAsync(raw, Token);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("malformed template.execute body", (string?)body["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_is_down_answers_503_so_argo_retries()
    {
        services.Faults.FailAlways("resize", StatusCode.Unavailable);

        var (status, body) = await PostAsync(ResizeBody(services.Target), Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("UNAVAILABLE", (string?)body["error"], StringComparison.Ordinal);
        Assert.Equal(3, services.Faults.Calls("resize"));
    }

    [Fact]
    public async Task A_step_the_service_rejects_fails_the_node_with_the_cause()
    {
        services.Faults.FailNext("resize", StatusCode.InvalidArgument);

        var (status, body) = await PostAsync(ResizeBody(services.Target), Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Failed", (string?)body["node"]!["phase"]);
        Assert.Contains($"step 'resize' at {services.Target} failed: INVALID_ARGUMENT", (string?)body["node"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_with_a_bad_argoflow_object_fails_listing_every_problem()
    {
        var raw = ArgoRequests.Body("bad", "argoflow", new JsonObject { ["type"] = "crop", ["timeoutSeconds"] = 0 });

        var (_, body) = await PostAsync(raw, Token);

        var message = (string?)body["node"]!["message"];
        Assert.Equal("Failed", (string?)body["node"]!["phase"]);
        Assert.Contains("plugin.argoflow.type must be one of resize, detect, filter, pipeline, got 'crop'", message, StringComparison.Ordinal);
        Assert.Contains("plugin.argoflow.endpoint", message, StringComparison.Ordinal);
        Assert.Contains("plugin.argoflow.timeoutSeconds", message, StringComparison.Ordinal);
        Assert.Contains("plugin.argoflow.request", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_field_of_the_argoflow_object_fails_the_node_naming_it()
    {
        var raw = ArgoRequests.Body("typo", "argoflow", new JsonObject
        {
            ["type"] = "resize", ["endpoint"] = services.Target, ["timeoutSecond"] = 5, ["request"] = new JsonObject { ["input"] = "in/photo.jpg" },
        });

        var (_, body) = await PostAsync(raw, Token);

        Assert.Equal("Failed", (string?)body["node"]!["phase"]);
        Assert.Contains("plugin.argoflow.timeoutSecond is not a field of the argoflow plugin (it has type, endpoint, timeoutSeconds, request)",
            (string?)body["node"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_field_the_contract_does_not_have_fails_the_node()
    {
        var raw = ArgoRequests.Argoflow("resize", services.Target, new JsonObject { ["input"] = "in/photo.jpg", ["widht"] = 3 });

        var (_, body) = await PostAsync(raw, Token);

        Assert.Equal("Failed", (string?)body["node"]!["phase"]);
        Assert.Contains("widht", (string?)body["node"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_longer_than_the_requeue_threshold_answers_running_then_the_result()
    {
        await plugin.DisposeAsync();
        plugin = await StartPluginAsync(new PluginOptions { Port = 0, TokenFile = temp.Combine("token"), RequeueAfter = TimeSpan.Zero });
        var gate = new TaskCompletionSource();
        services.Faults.Gates["resize"] = gate;

        var (_, first) = await PostAsync(ResizeBody(services.Target), Token);
        gate.SetResult();
        JsonNode second;
        do
        {
            (_, second) = await PostAsync(ResizeBody(services.Target), Token);
        }
        while ((string?)second["node"]!["phase"] == "Running");

        Assert.Equal("Running", (string?)first["node"]!["phase"]);
        Assert.Equal("1s", (string?)first["requeue"]);
        Assert.Equal("Succeeded", (string?)second["node"]!["phase"]);
        Assert.Equal(1, services.Faults.Calls("resize"));
    }

    [Fact]
    public async Task Other_paths_are_not_found()
    {
        using var response = await http.PostAsync(new Uri(plugin.Url, "/api/v1/other.method"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_token_file_stops_the_sidecar_from_starting()
    {
        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() =>
            StartPluginAsync(new PluginOptions { Port = 0, TokenFile = temp.Combine("absent") }));

        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.Contains("cannot read the plugin token file", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000, "1s")]
    [InlineData(1500, "1500ms")]
    [InlineData(120000, "120s")]
    public void Requeue_durations_are_written_as_go_durations(int ms, string expected) =>
        Assert.Equal(expected, PluginReplyWriter.GoDuration(TimeSpan.FromMilliseconds(ms)));

    private Task<PluginHost> StartPluginAsync(PluginOptions options) =>
        PluginHost.StartAsync(options, client, null, CancellationToken.None);

    private static string ResizeBody(string target) =>
        ArgoRequests.Argoflow("resize", target, new JsonObject { ["input"] = "in/photo.jpg", ["width"] = 64, ["height"] = 48, ["fit"] = "fit" });

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(plugin.Url, PluginHost.ExecutePath))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text) ?? throw new JsonException("empty body"));
    }
}
