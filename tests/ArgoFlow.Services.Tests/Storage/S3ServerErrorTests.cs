using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Storage;
using ArgoFlow.Services.Tests.Support;

namespace ArgoFlow.Services.Tests.Storage;

/// <summary>Issue 14, points 10 and 12: an S3 that answers 5xx without a body, and credentials in the endpoint URL.</summary>
public sealed class S3ServerErrorTests
{
    private const string Secret = "canary-secret-must-not-leak";

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_without_a_body_are_unavailable_naming_the_store_and_never_the_credentials(int status)
    {
        await using var server = new ErrorHttpServer(status);
        var endpoint = server.Endpoint.Replace("http://", $"http://KEYID:{Secret}@", StringComparison.Ordinal);
        using var store = new S3ImageStore(new S3StoreOptions { Bucket = "images", Endpoint = endpoint });

        var read = await Assert.ThrowsAsync<StepException>(() => store.ReadAsync(store.Resolve("a.jpg", "input"), 1000, CancellationToken.None));
        var write = await Assert.ThrowsAsync<StepException>(() => store.WriteAsync(store.Resolve("b.jpg", "output"), new byte[] { 1 }, "image/jpeg", CancellationToken.None));
        var check = await Assert.ThrowsAsync<StepException>(() => store.CheckAsync(CancellationToken.None));

        Assert.All([read, write, check], ex =>
        {
            Assert.Equal(StepFailure.StorageUnavailable, ex.Failure);
            Assert.Contains(server.Endpoint.Replace("http://", "http://***@", StringComparison.Ordinal), ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(Secret, store.Description, StringComparison.Ordinal);
        Assert.True(server.Answered >= 3);
    }
}
