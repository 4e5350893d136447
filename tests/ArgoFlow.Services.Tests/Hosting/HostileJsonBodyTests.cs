using System.Net;
using System.Text;
using System.Text.Json;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Storage;
using ArgoFlow.Services.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ArgoFlow.Services.Tests.Hosting;

/// <summary>Issue 14, point 8: a 3.5 MB JSON body of 200,000 unknown members.</summary>
public sealed class HostileJsonBodyTests
{
    private static string ManyUnknownFields(int count)
    {
        var body = new StringBuilder("{\"input\": \"in/0.jpg\", \"width\": 64");
        for (var i = 0; i < count; i++)
        {
            body.Append(",\"field_").Append(i).Append("\":1");
        }

        return body.Append('}').ToString();
    }

    [Fact]
    public async Task A_body_of_200k_unknown_fields_is_shed_before_parsing_when_busy_and_otherwise_names_only_three()
    {
        GatedStore? store = null;
        await using var test = await TestHost.StartAsync(
            o => (o.MaxConcurrency, o.MaxQueue) = (1, 0),
            s => s.AddSingleton<IImageStore>(sp => store = new GatedStore(sp.GetRequiredService<ArgoFlow.Services.Hosting.WarmHostOptions>().Store, holdReads: true)));
        var body = ManyUnknownFields(200_000);
        Assert.True(body.Length > 3_000_000);

        // The one slot is taken: the body is refused by the gate, not read and checked first.
        var running = new ResizeService.ResizeServiceClient(test.Channel).ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = 64 }).ResponseAsync;
        await store!.ReadEntered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using (var shed = await PostAsync(test, body))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, shed.StatusCode);
            Assert.Contains("resize is busy", await shed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        store.ReadGate.SetResult();
        Assert.Equal(64, (await running).Width);

        using var refused = await PostAsync(test, body);
        var text = await refused.Content.ReadAsStringAsync();
        var message = JsonDocument.Parse(text).RootElement.GetProperty("message").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("field_0: unknown field (argoflow.v1.ResizeRequest has", message, StringComparison.Ordinal);
        Assert.EndsWith("; and 199997 more unknown fields", message, StringComparison.Ordinal);
        Assert.True(text.Length < 2000, $"{text.Length} characters");
    }

    private static async Task<HttpResponseMessage> PostAsync(TestHost test, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await test.Http.PostAsync(new Uri("/v1/resize", UriKind.Relative), content);
    }
}
