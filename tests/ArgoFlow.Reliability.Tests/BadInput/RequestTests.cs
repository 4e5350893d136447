using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.TestSupport;
using Grpc.Core;

namespace ArgoFlow.Reliability.Tests.BadInput;

/// <summary>
/// Malformed requests to a real `argoflow serve` (gRPC and its HTTP/JSON routes) and a real `argoflow plugin serve`:
/// each gets a 4xx / a precise gRPC status, never a 500 or a dropped connection, and both processes keep serving.
/// </summary>
public sealed partial class RequestTests : IDisposable
{
    private readonly TempDirectory _store = new("argoflow-rel-requests");

    public void Dispose() => _store.Dispose();

    public static IReadOnlyList<(string Name, byte[] Body)> BadJson() =>
    [
        ("empty", []),
        ("open brace", "{"u8.ToArray()),
        ("array", "[]"u8.ToArray()),
        ("null", "null"u8.ToArray()),
        ("string", "\"resize\""u8.ToArray()),
        ("width as text", "{\"input\":\"in/0.jpg\",\"width\":\"wide\"}"u8.ToArray()),
        ("width too big for int32", "{\"input\":\"in/0.jpg\",\"width\":99999999999}"u8.ToArray()),
        ("width 1e999", "{\"input\":\"in/0.jpg\",\"width\":1e999}"u8.ToArray()),
        ("input as object", "{\"input\":{\"a\":1}}"u8.ToArray()),
        ("deep nesting", Encoding.ASCII.GetBytes(new string('[', 100_000) + new string(']', 100_000))),
        ("not utf-8", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]),
        ("trailing garbage", "{\"input\":\"in/0.jpg\",\"width\":10} xyz"u8.ToArray()),
        ("duplicate key", "{\"input\":\"in/0.jpg\",\"input\":\"../x\",\"width\":10}"u8.ToArray()),
        ("8 MB string", Encoding.ASCII.GetBytes("{\"input\":\"" + new string('a', 8 << 20) + "\"}")),
        ("missing input", "{\"width\":10}"u8.ToArray()),
        ("negative width", "{\"input\":\"in/0.jpg\",\"width\":-5}"u8.ToArray()),
    ];

    [Fact]
    public async Task Malformed_json_to_every_http_route_is_a_4xx_and_never_a_500()
    {
        StoreAudit.SeedInputs(_store.Path);
        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = _store.Path, Services = "resize,filter" });
        using var http = new HttpClient { BaseAddress = serve.HttpBase, Timeout = TimeSpan.FromSeconds(60) };
        var tried = 0;
        foreach (var route in new[] { "v1/resize", "v1/filter", "v1/pipeline:run" })
        {
            foreach (var (name, body) in BadJson())
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(route, content);
                var code = (int)response.StatusCode;
                Assert.True(code is >= 400 and < 500, $"{route} {name}: {code} {await response.Content.ReadAsStringAsync()}");
                tried++;
            }

            using var text = new StringContent("input=in/0.jpg", Encoding.UTF8, "application/x-www-form-urlencoded");
            using var wrongType = await http.PostAsync(route, text);
            Assert.InRange((int)wrongType.StatusCode, 400, 499);
            using var get = await http.GetAsync(route);
            Assert.InRange((int)get.StatusCode, 400, 499);
            tried += 2;
        }

        Assert.False(serve.Child.HasExited);
        Assert.DoesNotContain("\"EventId\":1102", serve.Child.Stderr, StringComparison.Ordinal);
        Assert.True(tried >= 54, tried.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Oversized_and_incomplete_grpc_requests_get_precise_statuses_naming_the_field()
    {
        StoreAudit.SeedInputs(_store.Path);
        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = _store.Path, Services = "resize,filter" });
        var resize = new ResizeService.ResizeServiceClient(serve.Channel);
        var filter = new FilterService.FilterServiceClient(serve.Channel);
        var pipeline = new PipelineService.PipelineServiceClient(serve.Channel);

        var huge = await Assert.ThrowsAsync<RpcException>(() => resize.ResizeAsync(new ResizeRequest { Input = new string('a', 5 << 20), Width = 10 }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, huge.StatusCode);
        var hugeSpec = await Assert.ThrowsAsync<RpcException>(() => pipeline.RunAsync(new RunPipelineRequest { Spec = new string('#', 5 << 20) }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, hugeSpec.StatusCode);

        var cases = new (Func<Task> Call, string Field)[]
        {
            (() => resize.ResizeAsync(new ResizeRequest()).ResponseAsync, "input"),
            (() => resize.ResizeAsync(new ResizeRequest { Input = "in/0.jpg" }).ResponseAsync, "width"),
            (() => resize.ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = -1 }).ResponseAsync, "width"),
            (() => resize.ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = 10, Fit = "squash" }).ResponseAsync, "fit"),
            (() => resize.ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = 10, Quality = 1000 }).ResponseAsync, "quality"),
            (() => filter.FilterAsync(new FilterRequest { Input = "in/0.jpg" }).ResponseAsync, "operation"),
            (() => filter.FilterAsync(new FilterRequest { Input = "in/0.jpg", Operation = "blurRegions" }).ResponseAsync, "regions"),
            (() => pipeline.RunAsync(new RunPipelineRequest { Spec = "a: &a [*a]" }).ResponseAsync, "spec"),
        };
        foreach (var (call, field) in cases)
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Contains(field, error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        }

        Assert.False(serve.Child.HasExited);
        Assert.Equal(10, (await resize.ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = 10 })).Width);
    }

    [Fact]
    public async Task Plugin_calls_without_or_with_a_wrong_token_or_bad_json_are_refused_by_the_real_sidecar()
    {
        var tokenFile = _store.Combine("token");
        await File.WriteAllTextAsync(tokenFile, "the-right-token");
        await using var plugin = ChildProcess.Start(["plugin", "serve", "--port", "0", "--address", "127.0.0.1", "--token-file", tokenFile]);
        var listening = await plugin.WaitForStderrAsync(PluginListening(), "the \"executor plugin listening on URL\" line");
        using var http = new HttpClient { BaseAddress = new Uri(listening.Groups[1].Value.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };

        var body = "{\"workflow\":{\"metadata\":{\"name\":\"w\",\"uid\":\"1\"}},\"template\":{\"name\":\"t\",\"plugin\":{\"argoflow\":{\"type\":\"resize\",\"endpoint\":\"127.0.0.1:1\",\"request\":{\"input\":\"a.jpg\",\"width\":1}}}}}";
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, body, token: null));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(http, body, token: "wrong"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(http, body, token: "the-right-tokeN"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(http, body, token: new string('x', 4000)));
        foreach (var (_, bad) in BadJson().Take(6))
        {
            Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(http, Encoding.UTF8.GetString(bad), token: "the-right-token"));
        }

        Assert.False(plugin.HasExited, plugin.Stderr);
        // Only after the exit is the output complete: a check while it runs could miss the last lines.
        plugin.Terminate();
        await plugin.WaitForExitAsync(TimeSpan.FromMinutes(1));
        Assert.DoesNotContain("the-right-token", plugin.Stderr + plugin.Stdout, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/template.execute") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"^executor plugin listening on (http://\S+)")]
    private static partial Regex PluginListening();
}
