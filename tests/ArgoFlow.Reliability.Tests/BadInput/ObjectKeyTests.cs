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

    /// <summary>
    /// The hostile references a store resolves, each to a key of that literal name inside the store (the local
    /// root, or a clean key in the configured bucket): none is a path, a URI scheme or an escape. The rest are refused.
    /// </summary>
    private static readonly string[] KeptAsLiteralKeys =
        ["~/.ssh/id_rsa", "%c0%ae%c0%ae/x.jpg", "\u2024\u2024/x.jpg", " ", "file:../x.jpg", "javascript:alert(1)"];

    /// <summary>
    /// The calls through the service that succeed: those literal keys as output names, and no output name at all
    /// (the derived key). As input they name no object, so every input call fails. Writing to in/escape.jpg, a link
    /// to a file outside the store, succeeds by replacing the link inside the store; the file it pointed to is
    /// untouched (checked by bytes).
    /// </summary>
    private static readonly string[] ServedInside =
        ["output ~/.ssh/id_rsa", "output %c0%ae%c0%ae/x.jpg", "output \u2024\u2024/x.jpg", "output ", "output  ", "output file:../x.jpg", "output javascript:alert(1)",
         "output in/escape.jpg"];

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
        var kept = new List<string>();
        var refused = 0;
        foreach (var reference in Hostile())
        {
            try
            {
                var resolved = store.Resolve(reference, "input");
                var full = Path.GetFullPath(Path.Combine(root, resolved.Key));
                Assert.True(full.StartsWith(root, StringComparison.Ordinal), $"'{reference}' resolved to {full}");
                kept.Add(reference);
            }
            catch (StepException ex)
            {
                Assert.Equal(StepFailure.InvalidArgument, ex.Failure);
                Assert.Equal("input", ex.Field);
                refused++;
            }
        }

        // Exactly these name a key inside the store; every other hostile reference is refused.
        Assert.True(KeptAsLiteralKeys.SequenceEqual(kept), "resolved or served, expected exactly the listed ones: " + Quoted(kept));
        Assert.Equal(Hostile().Count() - KeptAsLiteralKeys.Length, refused);
    }

    [Fact]
    public void S3_store_refuses_or_keeps_every_hostile_reference_to_a_valid_bucket_and_a_clean_key()
    {
        using var store = new S3ImageStore(new S3StoreOptions { Bucket = "images", Prefix = "base", Endpoint = "http://127.0.0.1:1", AccessKey = "key", SecretKey = "secret" });
        var kept = new List<string>();
        var refused = 0;
        foreach (var reference in Hostile())
        {
            try
            {
                var resolved = store.Resolve(reference, "output");
                Assert.Matches("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", resolved.Bucket);
                Assert.DoesNotContain("..", resolved.Bucket, StringComparison.Ordinal);
                Assert.DoesNotContain(resolved.Key.Split('/'), segment => segment is "" or "." or "..");
                kept.Add(reference);
            }
            catch (StepException ex)
            {
                Assert.Equal(StepFailure.InvalidArgument, ex.Failure);
                Assert.Equal("output", ex.Field);
                refused++;
            }
        }

        // Exactly these name a clean key in a valid bucket; every other hostile reference is refused.
        Assert.True(KeptAsLiteralKeys.SequenceEqual(kept), "resolved or served, expected exactly the listed ones: " + Quoted(kept));
        Assert.Equal(Hostile().Count() - KeptAsLiteralKeys.Length, refused);
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
        var served = new List<string>();
        var references = Hostile().Concat(["link/secret.jpg", "link/written.jpg", "in/escape.jpg", "file://" + _outside.Combine("secret.jpg"), _outside.Combine("secret.jpg")]).ToList();
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
                if (status == StatusCode.OK)
                {
                    served.Add((request.Input == reference ? "input " : "output ") + reference);
                }
            }
        }

        Assert.Equal(["secret.jpg"], Directory.EnumerateFileSystemEntries(_outside.Path).Select(Path.GetFileName));
        Assert.Equal(File.ReadAllBytes(SharedData.Image("0.jpg")), File.ReadAllBytes(_outside.Combine("secret.jpg")));
        Assert.Null(new FileInfo(_store.Combine("in", "escape.jpg")).LinkTarget);
        Assert.False(serve.Child.HasExited);
        // Every reference was tried as input and as output; only those naming a key inside the store were served.
        Assert.Equal(2 * references.Count, tried);
        Assert.True(ServedInside.SequenceEqual(served), "resolved or served, expected exactly the listed ones: " + Quoted(served));
    }

    /// <summary>The references as C# string literals (control characters escaped), for a message that can be pasted.</summary>
    private static string Quoted(IEnumerable<string> references) =>
        string.Join(", ", references.Select(r => "\"" + string.Concat(r.Select(c => c switch
        {
            '\\' => "\\\\",
            '"' => "\\\"",
            < ' ' or > '~' => $"\\u{(int)c:x4}",
            _ => c.ToString(),
        })) + "\""));
}
