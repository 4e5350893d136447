using ArgoFlow.Contracts.V1;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Storage;
using ArgoFlow.TestSupport;
using Grpc.Core;

namespace ArgoFlow.Reliability.Tests.BadInput;

/// <summary>
/// Object references that try to leave the store. Both stores either refuse them (INVALID_ARGUMENT naming the
/// field) or resolve them to an object inside the store; through the real service nothing is read or written outside.
/// </summary>
public sealed class ObjectKeyTests : IDisposable
{
    private readonly TempDirectory _outside = new("argoflow-rel-outside");
    private readonly TempDirectory _store = new("argoflow-rel-keys");

    public void Dispose()
    {
        _store.Dispose();
        _outside.Dispose();
    }

    public static IEnumerable<string> Hostile()
    {
        string[] traversals =
        [
            "..", "../x.jpg", "in/../../x.jpg", "in/./../../x.jpg", "./in/0.jpg", "in//0.jpg", "in/", "/", ".",
            "/etc/passwd", "//etc/passwd", "\\etc\\passwd", "..\\x.jpg", "in\\..\\..\\x.jpg", "C:\\x.jpg", "~/.ssh/id_rsa",
            "%2e%2e/x.jpg", "%2e%2e%2fx.jpg", "..%2fx.jpg", "%252e%252e%252fx.jpg", "%25252e%25252e%25252fx.jpg", "%2F%2Fetc%2Fpasswd",
            "in%2f..%2f..%2fx.jpg", "%c0%ae%c0%ae/x.jpg", "\u2024\u2024/x.jpg", "in/0.jpg\0.png", "in/0.jpg%00.png", "in/\n0.jpg",
            "in/\r0.jpg", "in/\u001b[31m.jpg", "", " ", "\t", new string('a', 1025), string.Concat(Enumerable.Repeat("a/", 600)) + "x.jpg",
            "file:///etc/passwd", "file:///tmp/../etc/passwd", "file://host/etc/passwd", "file:../x.jpg", "file:///" + new string('a', 5000),
            "s3://../etc/passwd", "s3://./x.jpg", "s3://bucket/../../x.jpg", "s3://bucket/%2e%2e/x.jpg", "s3://BUCKET/x.jpg", "s3:///x.jpg",
            "s3://-bucket/x.jpg", "s3://ab/x.jpg", "s3://" + new string('b', 64) + "/x.jpg", "s3://bucket", "http://169.254.169.254/latest/meta-data",
            "https://example.com/x.jpg", "ftp://x/y.jpg", "javascript:alert(1)",
        ];
        return traversals;
    }

    [Fact]
    public void Local_store_refuses_or_keeps_every_hostile_reference_inside_its_root()
    {
        var store = new LocalDirectoryStore(_store.Path);
        var root = Path.GetFullPath(_store.Path) + "/";
        foreach (var reference in Hostile())
        {
            try
            {
                var resolved = store.Resolve(reference, "input");
                var full = Path.GetFullPath(Path.Combine(root, resolved.Key));
                Assert.True(full.StartsWith(root, StringComparison.Ordinal), $"'{reference}' resolved to {full}");
            }
            catch (StepException ex)
            {
                Assert.Equal(StepFailure.InvalidArgument, ex.Failure);
                Assert.Equal("input", ex.Field);
            }
        }
    }

    [Fact]
    public void S3_store_refuses_or_keeps_every_hostile_reference_to_a_valid_bucket_and_a_clean_key()
    {
        using var store = new S3ImageStore(new S3StoreOptions { Bucket = "images", Prefix = "base", Endpoint = "http://127.0.0.1:1", AccessKey = "key", SecretKey = "secret" });
        foreach (var reference in Hostile())
        {
            try
            {
                var resolved = store.Resolve(reference, "output");
                Assert.Matches("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", resolved.Bucket);
                Assert.DoesNotContain("..", resolved.Bucket, StringComparison.Ordinal);
                Assert.DoesNotContain(resolved.Key.Split('/'), segment => segment is "" or "." or "..");
            }
            catch (StepException ex)
            {
                Assert.Equal(StepFailure.InvalidArgument, ex.Failure);
                Assert.Equal("output", ex.Field);
            }
        }
    }

    [Fact]
    public async Task Service_reads_and_writes_nothing_outside_the_store_for_hostile_keys_and_symlinks()
    {
        StoreAudit.SeedInputs(_store.Path);
        File.Copy(SharedData.Image("0.jpg"), _outside.Combine("secret.jpg"));
        File.CreateSymbolicLink(_store.Combine("link"), _outside.Path);
        File.CreateSymbolicLink(_store.Combine("in", "escape.jpg"), _outside.Combine("secret.jpg"));
        await using var serve = await ServeProcess.StartAsync(new ServeSettings { Store = _store.Path, Services = "resize" });
        var resize = new ResizeService.ResizeServiceClient(serve.Channel);
        var tried = 0;
        var references = Hostile().Concat(["link/secret.jpg", "link/written.jpg", "in/escape.jpg", "file://" + _outside.Combine("secret.jpg"), _outside.Combine("secret.jpg")]);
        foreach (var reference in references)
        {
            foreach (var request in new[]
            {
                new ResizeRequest { Input = reference, Width = 32 },
                new ResizeRequest { Input = "in/0.jpg", Output = reference, Width = 32 },
            })
            {
                var status = StatusCode.OK;
                try
                {
                    await resize.ResizeAsync(request);
                }
                catch (RpcException ex)
                {
                    status = ex.StatusCode;
                }

                // OK only where the store resolved the reference to a key inside it (e.g. "./in/0.jpg").
                Assert.True(status is StatusCode.OK or StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.FailedPrecondition,
                    $"input '{request.Input}' output '{request.Output}': {status}");
                tried++;
            }
        }

        Assert.Equal(["secret.jpg"], Directory.EnumerateFileSystemEntries(_outside.Path).Select(Path.GetFileName));
        Assert.False(serve.Child.HasExited);
        Assert.True(tried > 100);
    }
}
