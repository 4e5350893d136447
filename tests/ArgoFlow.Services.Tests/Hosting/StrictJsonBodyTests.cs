using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArgoFlow.Services.Tests.Support;

namespace ArgoFlow.Services.Tests.Hosting;

/// <summary>The HTTP/JSON routes over a real socket on 127.0.0.1: unknown members are refused, known ones still work.</summary>
public sealed class StrictJsonBodyTests : IClassFixture<HostFixture>
{
    private readonly TestHost _host;

    public StrictJsonBodyTests(HostFixture host) => _host = host.Host;

    [Fact]
    public async Task A_misspelt_field_is_a_400_invalid_argument_naming_it_and_nothing_is_written()
    {
        var before = Directory.GetFiles(_host.StoreRoot, "*", SearchOption.AllDirectories).Length;
        var counted = await InvalidArgumentCallsAsync("resize");

        using var response = await PostAsync("/v1/resize", """{"input": "in/2.jpg", "width": 64, "hieght": 48}""");
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, error.GetProperty("code").GetInt32());
        Assert.StartsWith("hieght: unknown field (argoflow.v1.ResizeRequest has input, output, width, height, maxSide,",
            error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, error.GetProperty("details").GetArrayLength());
        Assert.Equal(before, Directory.GetFiles(_host.StoreRoot, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(counted + 1, await InvalidArgumentCallsAsync("resize"));
    }

    [Fact]
    public async Task The_error_body_has_the_same_members_as_the_transcoders_own_invalid_argument_answers()
    {
        using var ours = await PostAsync("/v1/filter", """{"input": "in/0.jpg", "operaton": "grayscale"}""");
        using var theirs = await PostAsync("/v1/filter", """{"input": "in/0.jpg", "operation": "melt"}""");

        Assert.Equal(theirs.StatusCode, ours.StatusCode);
        Assert.Equal(await MemberNamesAsync(theirs), await MemberNamesAsync(ours));
    }

    [Fact]
    public async Task Every_unknown_member_is_listed_with_its_path_including_inside_nested_messages()
    {
        using var response = await PostAsync("/v1/filter",
            """{"input": "in/0.jpg", "operation": "blurRegions", "regions": [{"x1": 1, "y1": 1, "x2": 9, "y2": 9}, {"x1": 1, "x3": 2}], "strenght": 3}""");
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("regions[1].x3: unknown field (argoflow.v1.Box has x1, y1, x2, y2); strenght: unknown field (argoflow.v1.FilterRequest",
            message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_given_twice_is_a_400_naming_it_before_any_reader_picks_one()
    {
        var before = Directory.GetFiles(_host.StoreRoot, "*", SearchOption.AllDirectories).Length;

        using var response = await PostAsync("/v1/resize", """{"input": "in/0.jpg", "input": "../x", "width": "10"}""");
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("input: given more than once", message);
        Assert.Equal(before, Directory.GetFiles(_host.StoreRoot, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Proto_field_names_and_json_names_are_both_known()
    {
        using var snake = await PostAsync("/v1/resize", """{"input": "in/1.jpg", "max_side": 40}""");
        using var camel = await PostAsync("/v1/detect", """{"input": "in/3.jpg", "scoreThreshold": 0.5, "max_detections": 2}""");

        Assert.Equal(HttpStatusCode.OK, snake.StatusCode);
        Assert.Equal(40, (await snake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("width").GetInt32());
        Assert.Equal(HttpStatusCode.OK, camel.StatusCode);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"input\":\"in/0.jpg\",\"width\":10} xyz")]
    [InlineData("{\"input\":{\"widht\":1}}")]
    public async Task Bodies_that_are_not_a_json_object_are_still_answered_by_the_transcoder_with_a_4xx(string body)
    {
        using var response = await PostAsync("/v1/resize", body);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.DoesNotContain("unknown field", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_parser_allows_is_a_4xx_not_a_500()
    {
        using var response = await PostAsync("/v1/resize", new string('[', 10_000) + new string(']', 10_000));

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    private static async Task<string[]> MemberNamesAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateObject().Select(p => p.Name)];

    private async Task<double> InvalidArgumentCallsAsync(string service)
    {
        var prefix = $"argoflow_calls_total{{service=\"{service}\",code=\"InvalidArgument\"}} ";
        var metrics = await _host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponseMessage> PostAsync(string route, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await _host.Http.PostAsync(new Uri(route, UriKind.Relative), content);
    }
}
