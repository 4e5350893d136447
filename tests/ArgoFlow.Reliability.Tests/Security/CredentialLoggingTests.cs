using ArgoFlow.Contracts.V1;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.TestSupport;
using Grpc.Core;

namespace ArgoFlow.Reliability.Tests.Security;

/// <summary>S3 credentials reach `argoflow serve` only through the environment, and never appear in its output.</summary>
public sealed class CredentialLoggingTests
{
    // s3rver knows only this access key id (it does check the id, not the secret).
    private const string AccessKey = "S3RVER";
    private const string SecretKey = "canary-secret-8d1f0c2e-must-never-be-logged";

    [Fact]
    public async Task Secret_key_never_appears_in_the_logs_of_calls_that_succeed_fail_or_find_storage_down()
    {
        await using var s3 = await S3Server.StartAsync("images");
        var environment = new Dictionary<string, string>
        {
            ["ARGOFLOW_S3_ENDPOINT"] = s3.Endpoint,
            ["ARGOFLOW_S3_ACCESS_KEY"] = AccessKey,
            ["ARGOFLOW_S3_SECRET_KEY"] = SecretKey,
        };
        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = "s3://images", Environment = environment });
        var resize = new ResizeService.ResizeServiceClient(serve.Channel);
        var statuses = new List<StatusCode>();
        foreach (var request in new[]
        {
            new ResizeRequest { Input = "missing.jpg", Width = 10 },
            new ResizeRequest { Input = "../x.jpg", Width = 10 },
            new ResizeRequest { Input = "s3://other/x.jpg", Width = 10 },
        })
        {
            statuses.Add((await Assert.ThrowsAsync<RpcException>(() => resize.ResizeAsync(request).ResponseAsync)).StatusCode);
        }

        await s3.StopAsync();
        statuses.Add((await Assert.ThrowsAsync<RpcException>(() => resize.ResizeAsync(new ResizeRequest { Input = "a.jpg", Width = 10 }).ResponseAsync)).StatusCode);
        serve.Child.Terminate();
        await serve.Child.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Contains(StatusCode.Unavailable, statuses);
        Assert.NotEmpty(serve.Child.Stderr);
        Assert.DoesNotContain(SecretKey, serve.Child.Stderr + serve.Child.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incomplete_credentials_are_refused_at_start_without_echoing_the_secret()
    {
        await using var serve = ChildProcess.Start(
            ["serve", "--store", "s3://images", "--grpc-port", "0", "--http-port", "0"],
            new Dictionary<string, string> { ["ARGOFLOW_S3_ENDPOINT"] = "http://127.0.0.1:1", ["ARGOFLOW_S3_SECRET_KEY"] = SecretKey, ["AWS_ACCESS_KEY_ID"] = string.Empty });
        var exit = await serve.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(3, exit);
        Assert.Contains("error:", serve.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, serve.Stderr + serve.Stdout, StringComparison.Ordinal);
    }
}
