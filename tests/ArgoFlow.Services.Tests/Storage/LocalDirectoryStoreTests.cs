using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Storage;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Services.Tests.Storage;

public sealed class LocalDirectoryStoreTests : IDisposable
{
    private readonly TempDirectory _root = new("argoflow-local");
    private readonly TempDirectory _outside = new("argoflow-outside");
    private readonly LocalDirectoryStore _store;

    public LocalDirectoryStoreTests()
    {
        _store = new LocalDirectoryStore(_root.Path);
    }

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public async Task Written_object_reads_back_and_its_uri_resolves_to_the_same_key()
    {
        var key = _store.Resolve("a/b/c.jpg", "output");
        await _store.WriteAsync(key, new byte[] { 1, 2, 3 }, "image/jpeg", CancellationToken.None);

        using var read = await _store.ReadAsync(_store.Resolve(_store.ToUri(key), "input"), 100, CancellationToken.None);

        Assert.Equal([1, 2, 3], read.Span.ToArray());
        Assert.Equal("file://" + _root.Combine("a", "b", "c.jpg"), _store.ToUri(key));
    }

    [Theory]
    [InlineData("../escape.jpg")]
    [InlineData("a/../../escape.jpg")]
    [InlineData("a/./b.jpg")]
    [InlineData("a//b.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData("%2e%2e/escape.jpg")]
    [InlineData("a/%2E%2E%2F%2E%2E%2Fescape.jpg")]
    [InlineData("%252e%252e%252fescape.jpg")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("a\\..\\escape.jpg")]
    [InlineData("a\0b.jpg")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://example.com/x.jpg")]
    [InlineData("s3://bucket/x.jpg")]
    [InlineData("")]
    public void Keys_that_could_leave_the_root_are_rejected_naming_the_field(string reference)
    {
        var ex = Assert.Throws<StepException>(() => _store.Resolve(reference, "input"));

        Assert.Equal(StepFailure.InvalidArgument, ex.Failure);
        Assert.Equal("input", ex.Field);
        Assert.DoesNotContain("\0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_uri_inside_the_root_with_dot_dot_is_rejected()
    {
        var ex = Assert.Throws<StepException>(() => _store.Resolve($"file://{_root.Path}/a/../../escape.jpg", "input"));

        Assert.Equal(StepFailure.InvalidArgument, ex.Failure);
    }

    [Fact]
    public async Task Symlink_pointing_outside_the_root_is_rejected_for_reads_and_writes()
    {
        File.WriteAllBytes(_outside.Combine("secret.jpg"), [9]);
        Directory.CreateSymbolicLink(_root.Combine("out"), _outside.Path);
        File.CreateSymbolicLink(_root.Combine("secret.jpg"), _outside.Combine("secret.jpg"));

        var viaDir = await Assert.ThrowsAsync<StepException>(() => _store.ReadAsync(_store.Resolve("out/secret.jpg", "input"), 100, CancellationToken.None));
        var viaFile = await Assert.ThrowsAsync<StepException>(() => _store.ReadAsync(_store.Resolve("secret.jpg", "input"), 100, CancellationToken.None));
        var write = await Assert.ThrowsAsync<StepException>(() => _store.WriteAsync(_store.Resolve("out/new.jpg", "output"), new byte[] { 1 }, "image/jpeg", CancellationToken.None));

        Assert.All([viaDir, viaFile, write], ex => Assert.Equal(StepFailure.InvalidArgument, ex.Failure));
        Assert.False(File.Exists(_outside.Combine("new.jpg")));
    }

    [Fact]
    public async Task Symlink_staying_inside_the_root_is_followed()
    {
        Directory.CreateDirectory(_root.Combine("real"));
        File.WriteAllBytes(_root.Combine("real", "x.jpg"), [7]);
        Directory.CreateSymbolicLink(_root.Combine("alias"), _root.Combine("real"));

        using var read = await _store.ReadAsync(_store.Resolve("alias/x.jpg", "input"), 100, CancellationToken.None);

        Assert.Equal([7], read.Span.ToArray());
    }

    [Fact]
    public async Task Missing_object_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<StepException>(() => _store.ReadAsync(_store.Resolve("nope/x.jpg", "input"), 100, CancellationToken.None));

        Assert.Equal(StepFailure.NotFound, ex.Failure);
    }

    [Fact]
    public async Task Object_over_the_size_limit_is_refused_before_reading()
    {
        File.WriteAllBytes(_root.Combine("big.jpg"), new byte[1000]);

        var ex = await Assert.ThrowsAsync<StepException>(() => _store.ReadAsync(_store.Resolve("big.jpg", "input"), 999, CancellationToken.None));

        Assert.Equal(StepFailure.TooLarge, ex.Failure);
    }

    [Fact]
    public async Task Overwrite_replaces_the_object_and_leaves_no_temporary_files()
    {
        var key = _store.Resolve("x/y.jpg", "output");
        await _store.WriteAsync(key, new byte[] { 1, 1, 1, 1 }, "image/jpeg", CancellationToken.None);
        await _store.WriteAsync(key, new byte[] { 2 }, "image/jpeg", CancellationToken.None);

        Assert.Equal([2], File.ReadAllBytes(_root.Combine("x", "y.jpg")));
        Assert.Equal([_root.Combine("x", "y.jpg")], Directory.EnumerateFiles(_root.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Cancelled_write_leaves_neither_the_target_nor_a_temporary_file()
    {
        var key = _store.Resolve("c/z.jpg", "output");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.WriteAsync(key, new byte[4096], "image/jpeg", cancelled.Token));

        Assert.Empty(Directory.EnumerateFiles(_root.Path, "*", SearchOption.AllDirectories));
    }
}
