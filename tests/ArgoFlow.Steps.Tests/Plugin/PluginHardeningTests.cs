using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Plugin;
using ArgoFlow.Steps.Tests.Doubles;
using ArgoFlow.TestSupport;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Plugin;

/// <summary>
/// Issue 14, points 9, 11 and 13: what the sidecar answers for templates that can never succeed (a Failed node,
/// which Argo does not retry, instead of 503 or 500), and the endpoint allow-list and timeout cap.
/// </summary>
public sealed class PluginHardeningTests : IAsyncLifetime
{
    private const string Token = "agent-token-14";
    private readonly TempDirectory temp = new("argoflow-plugin14");
    private readonly StepClient client = new();
    private readonly HttpClient http = new();
    private DoubleServicesHost services = null!;
    private PluginHost plugin = null!;

    public async Task InitializeAsync()
    {
        services = await DoubleServicesHost.StartAsync();
        services.Put("in/photo.jpg", [1, 2, 3]);
        await File.WriteAllTextAsync(temp.Combine("token"), Token);
        plugin = await PluginHost.StartAsync(
            new PluginOptions { Port = 0, TokenFile = temp.Combine("token"), AllowedEndpoints = ["127.0.0.1:*"], MaxTimeoutSeconds = 600 },
            client, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await plugin.DisposeAsync();
        await services.DisposeAsync();
        client.Dispose();
        http.Dispose();
        temp.Dispose();
    }

    [Theory]
    [InlineData("http://127.0.0.1:9090/v1/resize")]
    [InlineData("http://127.0.0.1:9090?x=1")]
    [InlineData("http://user:pw@127.0.0.1:9090")]
    [InlineData("ftp://127.0.0.1:9090")]
    [InlineData("127.0.0.1")]
    [InlineData("not an address:port")]
    public async Task An_endpoint_that_is_not_host_port_is_a_failed_node_naming_it_not_a_500(string endpoint)
    {
        var (status, node) = await PostAsync(Resize(endpoint));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Failed", (string?)node["phase"]);
        Assert.Contains("plugin.argoflow.endpoint", (string?)node["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.7:9090")]
    [InlineData("169.254.169.254:8080")]
    [InlineData("kubernetes.default.svc:443")]
    public async Task An_endpoint_off_the_allow_list_is_refused_with_a_failed_node_and_never_dialled(string endpoint)
    {
        var (status, node) = await PostAsync(Resize(endpoint));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Failed", (string?)node["phase"]);
        Assert.Contains("is not allowed (", (string?)node["message"], StringComparison.Ordinal);
        Assert.Contains("--allow-endpoint", (string?)node["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_over_the_cap_is_a_failed_node_and_the_service_is_not_called()
    {
        var (status, node) = await PostAsync(Resize(services.Target, timeoutSeconds: 100_000));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Failed", (string?)node["phase"]);
        Assert.Contains("timeoutSeconds 100000 is over this sidecar's limit of 600", (string?)node["message"], StringComparison.Ordinal);
        Assert.Equal(0, services.Faults.Calls("resize"));
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument)]
    [InlineData(StatusCode.FailedPrecondition)]
    [InlineData(StatusCode.NotFound)]
    public async Task Errors_that_can_never_succeed_are_failed_nodes_tried_once(StatusCode code)
    {
        services.Faults.FailAlways("resize", code);

        var (status, node) = await PostAsync(Resize(services.Target));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Failed", (string?)node["phase"]);
        Assert.Contains(StepCallException.StatusName(code), (string?)node["message"], StringComparison.Ordinal);
        Assert.Equal(1, services.Faults.Calls("resize"));
    }

    [Fact]
    public async Task A_request_over_the_message_size_limit_is_a_failed_node_not_a_503()
    {
        var body = ArgoRequests.Argoflow("resize", services.Target, new JsonObject { ["input"] = new string('k', 5 * 1024 * 1024), ["width"] = 64 });

        var (status, node) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Failed", (string?)node["phase"]);
        Assert.Contains("RESOURCE_EXHAUSTED", (string?)node["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unavailable_is_still_503_so_argo_retries()
    {
        services.Faults.FailAlways("resize", StatusCode.Unavailable);

        var (status, _) = await PostAsync(Resize(services.Target));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
    }

    private static string Resize(string endpoint, int timeoutSeconds = 30) =>
        ArgoRequests.Argoflow("resize", endpoint, new JsonObject { ["input"] = "in/photo.jpg", ["width"] = 64, ["height"] = 48 }, timeoutSeconds);

    private async Task<(HttpStatusCode Status, JsonNode Node)> PostAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(plugin.Url, PluginHost.ExecutePath))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(text)!;
        return (response.StatusCode, json["node"] ?? json);
    }
}
