using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Storage;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Services.Tests.Storage;

/// <summary>Issue 14, point 1: the real path through chains of links, and the store refusing every way out.</summary>
public sealed class RealPathTests : IDisposable
{
    private readonly TempDirectory _root = new("argoflow-real");
    private readonly TempDirectory _outside = new("argoflow-real-out");

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public void A_link_to_a_link_resolves_to_the_final_folder_and_a_missing_tail_is_kept()
    {
        Directory.CreateDirectory(_outside.Combine("sub"));
        Directory.CreateSymbolicLink(_root.Combine("linkout"), _outside.Path);
        Directory.CreateSymbolicLink(_root.Combine("sneaky"), "linkout/sub");

        Assert.Equal(RealPath.Of(_outside.Combine("sub")) + "/x/y.jpg", RealPath.Of(_root.Combine("sneaky", "x", "y.jpg")));
        Assert.Equal(RealPath.Of(_root.Path) + "/a/b", RealPath.Of(_root.Combine("a", "b")));
    }

    [Fact]
    public void Dot_dot_after_a_link_is_taken_from_the_real_folder_like_the_kernel_does()
    {
        Directory.CreateDirectory(_outside.Combine("sub"));
        Directory.CreateSymbolicLink(_root.Combine("l"), _outside.Combine("sub"));

        Assert.Equal(RealPath.Of(_outside.Path) + "/z", RealPath.Of(_root.Path + "/l/../z"));
    }

    [Fact]
    public void A_link_loop_is_an_io_error_and_the_store_calls_it_invalid()
    {
        Directory.CreateSymbolicLink(_root.Combine("a"), "b");
        Directory.CreateSymbolicLink(_root.Combine("b"), "a");
        var store = new LocalDirectoryStore(_root.Path);

        Assert.Throws<IOException>(() => RealPath.Of(_root.Combine("a", "x")));
        var ex = Assert.Throws<StepException>(() => store.WriteAsync(store.Resolve("a/x.jpg", "output"), new byte[] { 1 }, "image/jpeg", CancellationToken.None).GetAwaiter().GetResult());
        Assert.Equal(StepFailure.InvalidArgument, ex.Failure);
    }

    [Fact]
    public async Task Chained_links_out_are_refused_for_reads_writes_and_replacements_and_nothing_outside_changes()
    {
        Directory.CreateDirectory(_outside.Combine("sub"));
        File.WriteAllBytes(_outside.Combine("sub", "existing.jpg"), [9, 9]);
        Directory.CreateSymbolicLink(_root.Combine("linkout"), _outside.Path);
        Directory.CreateSymbolicLink(_root.Combine("sneaky"), "linkout/sub");
        var store = new LocalDirectoryStore(_root.Path);

        var read = await Assert.ThrowsAsync<StepException>(() => store.ReadAsync(store.Resolve("sneaky/existing.jpg", "input"), 100, CancellationToken.None));
        var replace = await Assert.ThrowsAsync<StepException>(() => store.WriteAsync(store.Resolve("sneaky/existing.jpg", "output"), new byte[] { 1 }, "image/jpeg", CancellationToken.None));
        var create = await Assert.ThrowsAsync<StepException>(() => store.WriteAsync(store.Resolve("sneaky/new/x.jpg", "output"), new byte[] { 1 }, "image/jpeg", CancellationToken.None));

        Assert.All([read, replace, create], ex => Assert.Equal(StepFailure.InvalidArgument, ex.Failure));
        Assert.Equal([9, 9], File.ReadAllBytes(_outside.Combine("sub", "existing.jpg")));
        Assert.Equal([_outside.Combine("sub", "existing.jpg")], Directory.EnumerateFileSystemEntries(_outside.Path, "*", SearchOption.AllDirectories).Where(File.Exists));
        Assert.False(Directory.Exists(_outside.Combine("sub", "new")));
    }

    [Fact]
    public void A_segment_over_255_bytes_is_invalid_not_unavailable()
    {
        var store = new LocalDirectoryStore(_root.Path);

        var ex = Assert.Throws<StepException>(() => store.Resolve("a/" + new string('é', 128) + ".jpg", "output"));

        Assert.Equal(StepFailure.InvalidArgument, ex.Failure);
        Assert.Contains("255-byte name limit", ex.Message, StringComparison.Ordinal);
    }
}
