using ArgoFlow.Contracts.V1;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.TestSupport;
using Grpc.Core;

namespace ArgoFlow.Reliability.Tests.Hostile;

/// <summary>
/// Issue 14, point 12: S3 credentials written into the endpoint URL (http://KEY:SECRET@host:port) are used but
/// never printed - not in the start log, not in the store-down warnings, not in what callers receive.
/// </summary>
public sealed class EndpointSecretAttackTests
{
    private const string Secret = "canary-url-secret-5f1e9a77";

    [Fact]
    public async Task Credentials_in_the_endpoint_url_reach_no_log_line_and_no_caller()
    {
        await using var s3 = await S3Server.StartAsync("images");
        var endpoint = s3.Endpoint.Replace("http://", $"http://S3RVER:{Secret}@", StringComparison.Ordinal);
        await using var serve = await ServeProcess.StartAsync(new ServeSettings
        {
            Store = "s3://images",
            Services = "resize",
            Environment = new Dictionary<string, string> { ["ARGOFLOW_S3_ENDPOINT"] = endpoint, ["AWS_ACCESS_KEY_ID"] = string.Empty },
        });
        var resize = new ResizeService.ResizeServiceClient(serve.Channel);
        var missing = await Assert.ThrowsAsync<RpcException>(() => resize.ResizeAsync(new ResizeRequest { Input = "missing.jpg", Width = 8 }).ResponseAsync);

        await s3.StopAsync();
        var down = await Assert.ThrowsAsync<RpcException>(() => resize.ResizeAsync(new ResizeRequest { Input = "a.jpg", Width = 8 }).ResponseAsync);
        serve.Child.Terminate();
        await serve.Child.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(StatusCode.NotFound, missing.StatusCode); // the credentials from the URL were used: s3rver answered
        Assert.Equal(StatusCode.Unavailable, down.StatusCode);
        Assert.Contains("http://***@127.0.0.1:", down.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("http://***@127.0.0.1:", serve.Child.Stderr + serve.Child.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, down.Status.Detail + missing.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, serve.Child.Stderr + serve.Child.Stdout, StringComparison.Ordinal);
    }
}
