using ArgoFlow.Services.Errors;

namespace ArgoFlow.Services.Storage;

/// <summary>
/// Objects are files under one root directory. Keys are confined to the root: besides the key rules in
/// <see cref="ObjectKeys"/>, every existing path component is checked so a symlink cannot lead outside.
/// Writes go to a temporary file in the target folder and are renamed over the target (atomic on POSIX).
/// </summary>
public sealed class LocalDirectoryStore : IImageStore
{
    private readonly string _root;
    private readonly string _rootReal;

    public LocalDirectoryStore(string root)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _rootReal = RealPath(_root);
    }

    public string Root => _root;

    public string Description => $"local directory {_root}";

    public ObjectRef Resolve(string reference, string field)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            throw StepException.Invalid(field, $"'{ObjectKeys.Printable(reference)}' is an s3:// URI but this service stores in {Description}");
        }

        if (reference.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            var path = reference["file://".Length..];
            var prefix = _root + "/";
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw StepException.Invalid(field, $"'{ObjectKeys.Printable(reference)}' is outside the store root {_root}");
            }

            return new ObjectRef(string.Empty, ObjectKeys.Validate(path[prefix.Length..], field));
        }

        if (reference.Contains("://", StringComparison.Ordinal))
        {
            throw StepException.Invalid(field, $"'{ObjectKeys.Printable(reference)}' has an unsupported scheme; use a key, file:// or s3://");
        }

        return new ObjectRef(string.Empty, ObjectKeys.Validate(reference, field));
    }

    public string ToUri(ObjectRef obj) => "file://" + PathOf(obj);

    /// <remarks>Completes synchronously: reading a file from the page cache is quicker than a thread hop.</remarks>
    public Task<PooledBuffer> ReadAsync(ObjectRef obj, long maxBytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(obj, maxBytes));
    }

    private PooledBuffer Read(ObjectRef obj, long maxBytes)
    {
        var path = PathOf(obj);
        CheckNoLinkOut(obj, "input");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw StepException.NotFound(ToUri(obj));
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw StepException.Unavailable($"cannot open {ToUri(obj)}: {ex.Message}", ex);
        }

        using (stream)
        {
            var length = stream.Length;
            if (length > maxBytes)
            {
                throw StepException.TooLarge(ToUri(obj), $"{length} bytes, the limit is {maxBytes}");
            }

            var buffer = new PooledBuffer((int)length);
            try
            {
                buffer.Fill(stream, maxBytes, () => StepException.TooLarge(ToUri(obj), $"more than {maxBytes} bytes"));
                return buffer;
            }
            catch
            {
                buffer.Dispose();
                throw;
            }
        }
    }

    /// <remarks>Completes synchronously: the write is one positional write into the page cache.</remarks>
    public Task WriteAsync(ObjectRef obj, ReadOnlyMemory<byte> data, string contentType, CancellationToken cancellationToken)
    {
        Write(obj, data.Span, cancellationToken);
        return Task.CompletedTask;
    }

    private void Write(ObjectRef obj, ReadOnlySpan<byte> data, CancellationToken cancellationToken)
    {
        var path = PathOf(obj);
        var folder = Path.GetDirectoryName(path)!;
        CheckNoLinkOut(obj, "output");
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            CheckNoLinkOut(obj, "output");
            cancellationToken.ThrowIfCancellationRequested();
            // One positional write into the page cache: a fraction of a millisecond, so it is done in place rather
            // than handed to another thread (Linux has no asynchronous buffered file writes anyway).
            using (var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, data.Length))
            {
                RandomAccess.Write(handle, data, 0);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw StepException.Unavailable($"cannot write {ToUri(obj)}: {ex.Message}", ex);
        }
        finally
        {
            DeleteQuietly(temp);
        }
    }

    public Task CheckAsync(CancellationToken cancellationToken) =>
        Directory.Exists(_root)
            ? Task.CompletedTask
            : throw StepException.Unavailable($"the store root {_root} does not exist");

    private string PathOf(ObjectRef obj) => _root + "/" + obj.Key;

    /// <summary>Walks from the root to the target; any symlink on the way must resolve inside the root.</summary>
    private void CheckNoLinkOut(ObjectRef obj, string field)
    {
        var current = _root;
        foreach (var segment in obj.Key.Split('/'))
        {
            current = current + "/" + segment;
            FileSystemInfo info = new FileInfo(current);
            if (!info.Exists)
            {
                info = new DirectoryInfo(current);
                if (!info.Exists)
                {
                    return;
                }
            }

            if (info.LinkTarget is not null && !IsInside(RealPath(current)))
            {
                throw StepException.Invalid(field, $"'{ObjectKeys.Printable(obj.Key)}' leads outside the store root through a symbolic link");
            }
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temp name never collides with a real key (leading dot, random suffix).
        }
    }

    private bool IsInside(string real) =>
        real == _rootReal || real.StartsWith(_rootReal + "/", StringComparison.Ordinal);

    private static string RealPath(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? path : Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
    }
}
