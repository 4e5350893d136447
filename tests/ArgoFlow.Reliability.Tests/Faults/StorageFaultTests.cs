using ArgoFlow.Contracts.V1;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.TestSupport;
using Grpc.Core;
using Grpc.Health.V1;

namespace ArgoFlow.Reliability.Tests.Faults;

/// <summary>Storage that refuses writes or disappears: UNAVAILABLE with the reason, nothing half-written, the process stays up.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StorageFaultTests : IDisposable
{
    private readonly TempDirectory _store = new("argoflow-rel-storage");

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Read_only_folder_is_unavailable_for_writes_while_other_calls_and_health_stay_fine()
    {
        StoreAudit.SeedInputs(_store.Path);
        // The service runs as nobody (setpriv), so the permissions hold even when the tests run as root.
        var readOnly = _store.Combine("ro");
        var writable = _store.Combine("rw");
        Directory.CreateDirectory(readOnly);
        Directory.CreateDirectory(writable);
        File.Copy(SharedData.Image("0.jpg"), Path.Combine(readOnly, "0.jpg"));
        File.Copy(SharedData.Image("0.jpg"), Path.Combine(writable, "0.jpg"));
        File.SetUnixFileMode(_store.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(writable, (UnixFileMode)0b111_111_111);

        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = _store.Path, Unprivileged = true });
        var resize = new ResizeService.ResizeServiceClient(serve.Channel);

        var refused = await Assert.ThrowsAsync<RpcException>(() => resize.ResizeAsync(new ResizeRequest { Input = "ro/0.jpg", Width = 64 }).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Contains("cannot write", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(["0.jpg"], Directory.EnumerateFileSystemEntries(readOnly).Select(Path.GetFileName));

        var ok = await resize.ResizeAsync(new ResizeRequest { Input = "rw/0.jpg", Width = 64 });
        Assert.True(StoreAudit.Decodes(new Uri(ok.Output).LocalPath));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await serve.HealthAsync("argoflow.v1.ResizeService"));
        Assert.False(serve.Child.HasExited);
    }

    [Fact]
    public async Task Stopped_s3_server_is_unavailable_naming_the_store_and_the_process_keeps_answering_health()
    {
        await using var s3 = await S3Server.StartAsync("images");
        var environment = new Dictionary<string, string>
        {
            ["ARGOFLOW_S3_ENDPOINT"] = s3.Endpoint,
            ["ARGOFLOW_S3_ACCESS_KEY"] = "S3RVER",
            ["ARGOFLOW_S3_SECRET_KEY"] = "S3RVER",
        };
        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = "s3://images", Environment = environment });
        await s3.StopAsync();

        var resize = new ResizeService.ResizeServiceClient(serve.Channel);
        var failure = await Assert.ThrowsAsync<RpcException>(() => resize.ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = 64 }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.False(serve.Child.HasExited);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await serve.HealthAsync());
        Assert.DoesNotContain("   at ", failure.Status.Detail, StringComparison.Ordinal);
    }
}
