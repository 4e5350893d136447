using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Tests.Support;
using Grpc.Core;

namespace ArgoFlow.Services.Tests.Grpc;

/// <summary>Bad objects and references get the right status, a clear message, no stack trace, and write nothing.</summary>
public sealed class FailureStatusTests : IAsyncLifetime
{
    private TestHost? _host;

    private TestHost Host => _host!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(o =>
        {
            o.Limits.MaxPixels = 1_000_000;
            o.Limits.MaxObjectBytes = 250_000;
        });
        var photo = File.ReadAllBytes(Path.Combine(Host.StoreRoot, "in", "0.jpg"));
        File.WriteAllBytes(Path.Combine(Host.StoreRoot, "bad", "truncated.jpg").CreateParent(), photo[..(photo.Length / 2)]);
        File.WriteAllText(Path.Combine(Host.StoreRoot, "bad", "notes.jpg"), "this is not an image");
        File.WriteAllBytes(Path.Combine(Host.StoreRoot, "bad", "empty.png"), []);
        File.WriteAllBytes(Path.Combine(Host.StoreRoot, "bad", "bomb.png"), ImageBombs.PngHeaderClaiming(40_000, 40_000));
        File.WriteAllBytes(Path.Combine(Host.StoreRoot, "bad", "huge.jpg"), new byte[300_000]);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Theory]
    [InlineData("bad/missing.jpg", StatusCode.NotFound, "object not found")]
    [InlineData("bad/truncated.jpg", StatusCode.FailedPrecondition, "truncated")]
    [InlineData("bad/notes.jpg", StatusCode.FailedPrecondition, "not a JPEG, PNG or WebP")]
    [InlineData("bad/empty.png", StatusCode.FailedPrecondition, "empty")]
    [InlineData("bad/bomb.png", StatusCode.FailedPrecondition, "40000x40000 is 1600000000 pixels, the limit is 1000000")]
    [InlineData("bad/huge.jpg", StatusCode.FailedPrecondition, "300000 bytes, the limit is 250000")]
    [InlineData("../outside.jpg", StatusCode.InvalidArgument, "input:")]
    [InlineData("in/%2e%2e/%2e%2e/etc/passwd", StatusCode.InvalidArgument, "input:")]
    public async Task Every_service_maps_the_failure_to_one_clear_status_and_writes_nothing(string input, StatusCode code, string message)
    {
        var before = Files();

        var calls = new Func<Task>[]
        {
            () => new ResizeService.ResizeServiceClient(Host.Channel).ResizeAsync(new ResizeRequest { Input = input, Width = 10 }).ResponseAsync,
            () => new DetectService.DetectServiceClient(Host.Channel).DetectAsync(new DetectRequest { Input = input, WriteDetections = true, Annotate = true }).ResponseAsync,
            () => new FilterService.FilterServiceClient(Host.Channel).FilterAsync(new FilterRequest { Input = input, Operation = "grayscale" }).ResponseAsync,
        };
        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(code, ex.StatusCode);
            Assert.Contains(message, ex.Status.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", ex.Status.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(before, Files());
    }

    [Fact]
    public async Task Output_key_that_leaves_the_store_is_rejected_before_any_work()
    {
        var client = new ResizeService.ResizeServiceClient(Host.Channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = 10, Output = "../../tmp/x.jpg" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("output:", ex.Status.Detail, StringComparison.Ordinal);
    }

    private string[] Files() =>
        Directory.EnumerateFiles(Host.StoreRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
}
