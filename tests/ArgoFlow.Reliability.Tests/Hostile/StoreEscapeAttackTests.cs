using ArgoFlow.Contracts.V1;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.TestSupport;
using Grpc.Core;

namespace ArgoFlow.Reliability.Tests.Hostile;

/// <summary>
/// Issue 14, points 1 and 3: links to links out of the store, and outputs that would replace an object the call
/// must not replace. Every attack is refused with its status, and the tree outside the store hashes the same after.
/// </summary>
public sealed class StoreEscapeAttackTests : IDisposable
{
    private readonly TempDirectory _outside = new("argoflow-rel-outside");
    private readonly TempDirectory _store = new("argoflow-rel-escape");

    public StoreEscapeAttackTests()
    {
        StoreAudit.SeedInputs(_store.Path);
        Directory.CreateDirectory(_outside.Combine("sub"));
        File.Copy(SharedData.Image("0.jpg"), _outside.Combine("secret.jpg"));
        File.Copy(SharedData.Image("1.jpg"), _outside.Combine("sub", "existing.jpg"));
        Directory.CreateSymbolicLink(_store.Combine("linkout"), _outside.Path);
        // The red team's chain: each link on its own looks harmless, only the whole path leaves the store.
        Directory.CreateSymbolicLink(_store.Combine("sneaky"), "linkout/sub");
        Directory.CreateSymbolicLink(_store.Combine("sneaky2"), "linkout");
        Directory.CreateSymbolicLink(_store.Combine("in", "deep"), "../sneaky");
        File.CreateSymbolicLink(_store.Combine("in", "chain.jpg"), "../sneaky2/secret.jpg");
        Directory.CreateSymbolicLink(_store.Combine("alias"), "in");
    }

    public void Dispose()
    {
        _store.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public async Task Chained_symlinks_neither_read_nor_write_nor_replace_anything_outside_the_store()
    {
        var before = TreeHash.Of(_outside.Path);
        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = _store.Path, Services = "resize,filter" });
        var resize = new ResizeService.ResizeServiceClient(serve.Channel);
        var filter = new FilterService.FilterServiceClient(serve.Channel);
        string[] inputs = ["sneaky/existing.jpg", "sneaky2/secret.jpg", "in/chain.jpg", "in/deep/existing.jpg", "sneaky2/sub/existing.jpg"];
        string[] outputs = ["sneaky/new.jpg", "sneaky/existing.jpg", "sneaky/deeper/new.jpg", "in/deep/existing.jpg", "sneaky2/secret.jpg", "in/chain.jpg/x.jpg"];
        var calls = inputs.Select(i => (Func<Task>)(() => resize.ResizeAsync(new ResizeRequest { Input = i, Width = 16 }).ResponseAsync))
            .Concat(inputs.Select(i => (Func<Task>)(() => filter.FilterAsync(new FilterRequest { Input = i, Operation = "grayscale" }).ResponseAsync)))
            .Concat(outputs.Select(o => (Func<Task>)(() => resize.ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Output = o, Width = 16 }).ResponseAsync)))
            .Concat(outputs.Select(o => (Func<Task>)(() => filter.FilterAsync(new FilterRequest { Input = "in/0.jpg", Output = o, Operation = "grayscale" }).ResponseAsync)));

        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(call);
            Assert.True(ex.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition, $"{ex.StatusCode}: {ex.Status.Detail}");
        }

        Assert.Equal(before, TreeHash.Of(_outside.Path));
    }

    [Fact]
    public async Task Step_command_through_a_chained_link_exits_3_after_one_attempt_and_changes_nothing_outside()
    {
        var before = TreeHash.Of(_outside.Path);
        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = _store.Path, Services = "resize" });
        foreach (var args in new[]
        {
            new[] { "--input", "sneaky/existing.jpg", "--width", "16" },
            ["--input", "in/0.jpg", "--output", "sneaky/existing.jpg", "--width", "16"],
        })
        {
            await using var step = ChildProcess.Start(["step", "resize", "--target", serve.Target, .. args]);
            var exit = await step.WaitForExitAsync(TimeSpan.FromMinutes(1));
            Assert.True(exit == 3, $"exit {exit}: {step.Stderr}");
            Assert.Contains("after 1 attempt", step.Stderr, StringComparison.Ordinal);
        }

        Assert.Equal(before, TreeHash.Of(_outside.Path));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Outputs_that_would_replace_the_input_a_read_only_object_or_a_folder_are_refused_and_nothing_changes()
    {
        File.Copy(SharedData.Image("2.jpg"), _store.Combine("in", "ro.jpg"));
        File.SetUnixFileMode(_store.Combine("in", "ro.jpg"), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var store = TreeHash.Of(_store.Path);
        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = _store.Path, Services = "resize" });
        var resize = new ResizeService.ResizeServiceClient(serve.Channel);

        async Task<RpcException> Refused(string input, string output) =>
            await Assert.ThrowsAsync<RpcException>(() => resize.ResizeAsync(new ResizeRequest { Input = input, Output = output, Width = 16 }).ResponseAsync);

        var same = await Refused("in/0.jpg", "in/0.jpg");
        var sameByUri = await Refused("in/0.jpg", "file://" + _store.Combine("in", "0.jpg"));
        var sameThroughLink = await Refused("in/0.jpg", "alias/0.jpg");
        var readOnly = await Refused("in/0.jpg", "in/ro.jpg");
        var folder = await Refused("in/0.jpg", "in");
        var underFile = await Refused("in/0.jpg", "in/1.jpg/x.jpg");
        var longName = await Refused("in/0.jpg", "out/" + new string('n', 256) + ".jpg");

        Assert.All([same, sameByUri, sameThroughLink, longName], ex => Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode));
        Assert.Contains("own input", same.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("output:", sameThroughLink.Status.Detail, StringComparison.Ordinal);
        Assert.All([readOnly, folder, underFile], ex => Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode));
        Assert.Contains("read-only", readOnly.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("is a folder", folder.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("'in/1.jpg' is an object, not a folder", underFile.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(store, TreeHash.Of(_store.Path));

        // A name of 250 bytes is valid: its temporary name used to be too long, which answered UNAVAILABLE.
        var longOk = await resize.ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Output = "out/" + new string('n', 246) + ".jpg", Width = 16 });
        Assert.True(longOk.Bytes > 0);
    }
}
