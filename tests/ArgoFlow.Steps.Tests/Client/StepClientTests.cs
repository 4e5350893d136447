using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Tests.Doubles;
using ArgoFlow.Templates.Spec;
using ArgoFlow.TestSupport.Ports;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Client;

public sealed class StepClientTests : IAsyncLifetime
{
    private static readonly RetryPolicy Retry = new(3, TimeSpan.FromMilliseconds(1), 2, TimeSpan.FromMilliseconds(4));
    private DoubleServicesHost host = null!;
    private readonly StepClient client = new();

    public async Task InitializeAsync()
    {
        host = await DoubleServicesHost.StartAsync();
        host.Put("in/photo.jpg", [1, 2, 3]);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_call_that_succeeds_reports_one_attempt_and_the_services_timing()
    {
        var result = await client.InvokeAsync(ResizeCall(host.Target), CancellationToken.None);

        Assert.Equal(1, result.Attempts);
        Assert.Equal(15, result.Timing.TotalMs);
        Assert.EndsWith("in/photo.resize-32x24-.jpg", ((ResizeResponse)result.Response).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unavailable_twice_is_retried_and_the_third_attempt_is_counted()
    {
        host.Faults.FailNext("resize", StatusCode.Unavailable, StatusCode.Unavailable);

        var result = await client.InvokeAsync(ResizeCall(host.Target), CancellationToken.None);

        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, host.Faults.Calls("resize"));
    }

    [Fact]
    public async Task Unavailable_beyond_the_retry_limit_fails_naming_step_endpoint_status_and_attempts()
    {
        host.Faults.FailAlways("resize", StatusCode.Unavailable);

        var ex = await Assert.ThrowsAsync<StepCallException>(() => client.InvokeAsync(ResizeCall(host.Target), CancellationToken.None));

        Assert.Equal(4, ex.Attempts);
        Assert.Equal(4, host.Faults.Calls("resize"));
        Assert.Equal(ExitCode.Unavailable, ex.ExitCode);
        Assert.True(ex.IsTransient);
        Assert.StartsWith($"step 'shrink' at {host.Target} failed: UNAVAILABLE", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("after 4 attempts", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument, "INVALID_ARGUMENT", ExitCode.InvalidInput)]
    [InlineData(StatusCode.NotFound, "NOT_FOUND", ExitCode.InvalidInput)]
    [InlineData(StatusCode.Internal, "INTERNAL", ExitCode.Failed)]
    public async Task Other_statuses_are_not_retried(StatusCode status, string name, ExitCode exitCode)
    {
        host.Faults.FailNext("resize", status);

        var ex = await Assert.ThrowsAsync<StepCallException>(() => client.InvokeAsync(ResizeCall(host.Target), CancellationToken.None));

        Assert.Equal(1, ex.Attempts);
        Assert.Equal(1, host.Faults.Calls("resize"));
        Assert.Equal(exitCode, ex.ExitCode);
        Assert.Contains($"failed: {name} (resize double told to fail", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_slower_than_its_deadline_fails_with_deadline_exceeded()
    {
        host.Faults.Gates["resize"] = new TaskCompletionSource();
        var call = ResizeCall(host.Target) with { Timeout = TimeSpan.FromMilliseconds(100) };

        var ex = await Assert.ThrowsAsync<StepCallException>(() => client.InvokeAsync(call, CancellationToken.None));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.Status);
        Assert.Equal(ExitCode.Timeout, ex.ExitCode);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task A_closed_port_is_unavailable_after_every_retry()
    {
        using var refusing = new RefusingPort();
        var closed = refusing.Target;

        var ex = await Assert.ThrowsAsync<StepCallException>(() => client.InvokeAsync(ResizeCall(closed), CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, ex.Status);
        Assert.Equal(4, ex.Attempts);
        Assert.Contains(closed, ex.Message, StringComparison.Ordinal);
        Assert.Contains("argoflow serve", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warming_up_opens_the_connection_the_next_call_uses_and_never_fails_the_caller()
    {
        // The doubles host no health service: the warm-up's Check is UNIMPLEMENTED, which is only logged.
        await client.WarmUpAsync(host.Target, TimeSpan.FromSeconds(5), CancellationToken.None);
        using var refusing = new RefusingPort();
        await client.WarmUpAsync(refusing.Target, TimeSpan.FromSeconds(5), CancellationToken.None);

        var result = await client.InvokeAsync(ResizeCall(host.Target), CancellationToken.None);

        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public void The_pool_hands_out_one_channel_per_endpoint()
    {
        using var pool = new StepChannelPool(new StepClientOptions());

        Assert.Same(pool.Get("127.0.0.1:1"), pool.Get("127.0.0.1:1"));
        Assert.NotSame(pool.Get("127.0.0.1:1"), pool.Get("127.0.0.1:2"));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("ftp://host:21")]
    [InlineData("")]
    [InlineData("host:9090/path")]
    public void A_target_without_host_and_port_is_a_usage_error(string target)
    {
        var ex = Assert.ThrowsAny<ArgoFlowException>(() => StepChannelPool.ToAddress(target));

        Assert.Equal(ExitCode.Usage, ex.ExitCode);
    }

    [Fact]
    public void Backoff_grows_by_the_factor_is_capped_and_jittered_between_half_and_full()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromMilliseconds(100), 2, TimeSpan.FromMilliseconds(300));
        using var low = new StepClient(new StepClientOptions { Jitter = () => 0 });
        using var high = new StepClient(new StepClientOptions { Jitter = () => 0.999999 });

        Assert.Equal(50, low.Backoff(policy, 1).TotalMilliseconds, 3);
        Assert.Equal(100, low.Backoff(policy, 2).TotalMilliseconds, 3);
        Assert.Equal(150, low.Backoff(policy, 3).TotalMilliseconds, 3);
        Assert.Equal(100, high.Backoff(policy, 1).TotalMilliseconds, 0);
        Assert.Equal(300, high.Backoff(policy, 4).TotalMilliseconds, 0);
    }

    private static StepCall ResizeCall(string target) => new(
        "shrink",
        StepBinding.For(StepCatalog.Resize),
        target,
        new ResizeRequest { Input = "in/photo.jpg", Width = 32, Height = 24 },
        TimeSpan.FromSeconds(10),
        Retry);
}
