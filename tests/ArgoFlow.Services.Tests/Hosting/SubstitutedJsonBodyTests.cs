using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArgoFlow.Services.Tests.Support;

namespace ArgoFlow.Services.Tests.Hosting;

/// <summary>
/// A generated http template writes each value taken from a workflow parameter as a JSON string (Argo substitutes
/// tags as text); the JSON routes read such a string as the field's type, and refuse one that is not.
/// </summary>
public sealed class SubstitutedJsonBodyTests : IClassFixture<HostFixture>
{
    private readonly TestHost _host;

    public SubstitutedJsonBodyTests(HostFixture host) => _host = host.Host;

    [Fact]
    public async Task Numbers_booleans_and_lists_sent_as_text_are_read_as_their_types()
    {
        using var response = await PostAsync("/v1/detect",
            """{"input": "in/3.jpg", "scoreThreshold": "0.3", "maxDetections": "5", "classes": "[\"person\"]", "annotate": "false"}""");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var detections = JsonDocument.Parse(body).RootElement.GetProperty("detections");
        Assert.InRange(detections.GetArrayLength(), 0, 5);
        Assert.All(detections.EnumerateArray(), d => Assert.Equal("person", d.GetProperty("className").GetString()));
    }

    [Fact]
    public async Task Boxes_sent_as_text_are_read_as_boxes()
    {
        using var response = await PostAsync("/v1/filter",
            """{"input": "in/0.jpg", "operation": "pixelateRegions", "regions": "[{\"x1\": 0, \"y1\": 0, \"x2\": 8, \"y2\": 8}]", "regionPadding": "2"}""");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("classes", "\"[person\"", "classes: expected a list of strings, got '[person'")]
    [InlineData("annotate", "\"yes\"", "annotate: expected true or false, got 'yes'")]
    [InlineData("scoreThreshold", "\"0.4x\"", "scoreThreshold: expected a number in 0..1, got '0.4x'")]
    public async Task Text_that_is_not_the_fields_type_is_a_400_invalid_argument_naming_field_and_text(string field, string value, string message)
    {
        using var response = await PostAsync("/v1/detect", $$"""{"input": "in/3.jpg", "{{field}}": {{value}}}""");
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, error.GetProperty("code").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    private async Task<HttpResponseMessage> PostAsync(string route, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await _host.Http.PostAsync(new Uri(route, UriKind.Relative), content);
    }
}
