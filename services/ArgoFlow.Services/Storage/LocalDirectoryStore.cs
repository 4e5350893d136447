using ArgoFlow.Services.Errors;

namespace ArgoFlow.Services.Storage;

/// <summary>
/// Objects are files under one root directory. Keys are confined to the root: besides the key rules in
/// <see cref="ObjectKeys"/> (and the file system's 255-byte name limit), every read and write goes through the
/// real path of the object (or of its folder), checked to be under the root's real path, so no symbolic link -
/// nor a chain of them - leads outside. Writes go to a temporary file in the target folder and are renamed over
/// the target (atomic on POSIX).
/// </summary>
public sealed class LocalDirectoryStore : IImageStore
{
    private const int MaxNameBytes = 255;
    private readonly string _root;
    private readonly string _rootReal;

    public LocalDirectoryStore(string root)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _rootReal = RealPath.Of(_root);
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

            return new ObjectRef(string.Empty, NameLengths(ObjectKeys.Validate(path[prefix.Length..], field), field));
        }

        if (reference.Contains("://", StringComparison.Ordinal))
        {
            throw StepException.Invalid(field, $"'{ObjectKeys.Printable(reference)}' has an unsupported scheme; use a key, file:// or s3://");
        }

        return new ObjectRef(string.Empty, NameLengths(ObjectKeys.Validate(reference, field), field));
    }

    /// <summary>Linux's NAME_MAX: a longer segment can never be created or opened, so it is a bad key, not an outage.</summary>
    private static string NameLengths(string key, string field)
    {
        foreach (var segment in key.Split('/'))
        {
            if (System.Text.Encoding.UTF8.GetByteCount(segment) > MaxNameBytes)
            {
                throw StepException.Invalid(field, $"'{ObjectKeys.Printable(segment[..40])}...' is longer than the file system's {MaxNameBytes}-byte name limit");
            }
        }

        return key;
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
        var path = Inside(PathOf(obj), obj, "input");
        if (Directory.Exists(path))
        {
            throw StepException.Conflict($"{ToUri(obj)} is a folder, not an object");
        }

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

    /// <summary>
    /// Writes through the real path of the target's folder, checked inside the root before anything is created; the
    /// target's own name is replaced by the rename (a link there is replaced, never followed). Anything in the store
    /// that rules the write out for good - a folder or read-only object at the key, an object where a folder is
    /// needed - is FAILED_PRECONDITION, not UNAVAILABLE, so nobody retries it.
    /// </summary>
    private void Write(ObjectRef obj, ReadOnlySpan<byte> data, CancellationToken cancellationToken)
    {
        var folder = Inside(Path.GetDirectoryName(PathOf(obj))!, obj, "output");
        for (var probe = folder; !Directory.Exists(probe); probe = Path.GetDirectoryName(probe)!)
        {
            if (File.Exists(probe))
            {
                throw StepException.Conflict($"cannot write {ToUri(obj)}: {Display(probe)} is an object, not a folder");
            }
        }

        var target = folder + "/" + obj.Name;
        if (Directory.Exists(target) && new DirectoryInfo(target).LinkTarget is null)
        {
            throw StepException.Conflict($"cannot write {ToUri(obj)}: it is a folder");
        }

        if (File.Exists(target) && new FileInfo(target).LinkTarget is null && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(target) & UnixFileMode.UserWrite) == 0)
        {
            throw StepException.Conflict($"cannot write {ToUri(obj)}: the object is read-only");
        }

        // A fixed-length name, so a key near the 255-byte name limit still has a temporary name that fits.
        var temp = $"{folder}/.argoflow-{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(folder);
            cancellationToken.ThrowIfCancellationRequested();
            // One positional write into the page cache: a fraction of a millisecond, so it is done in place rather
            // than handed to another thread (Linux has no asynchronous buffered file writes anyway).
            using (var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, data.Length))
            {
                RandomAccess.Write(handle, data, 0);
            }

            File.Move(temp, target, overwrite: true);
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

    public bool IsSameObject(ObjectRef input, ObjectRef output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            // A write replaces the name in the output's real folder; a read follows the input to its final file.
            var written = RealPath.Of(Path.GetDirectoryName(PathOf(output))!) + "/" + output.Name;
            return input == output || RealPath.Of(PathOf(input)) == written;
        }
        catch (IOException)
        {
            return input == output; // a link loop: the read or write itself reports it
        }
    }

    public Task CheckAsync(CancellationToken cancellationToken) =>
        Directory.Exists(_root)
            ? Task.CompletedTask
            : throw StepException.Unavailable($"the store root {_root} does not exist");

    private string PathOf(ObjectRef obj) => _root + "/" + obj.Key;

    /// <summary>
    /// The real path of <paramref name="path"/> (every link followed, links to links included), or InvalidArgument
    /// when it leads outside the root's real path. The caller opens the real path, so no link is followed after the
    /// check; a store that another process rearranges between the check and the open is outside this guarantee.
    /// </summary>
    private string Inside(string path, ObjectRef obj, string field)
    {
        string real;
        try
        {
            real = RealPath.Of(path);
        }
        catch (IOException ex)
        {
            throw StepException.Invalid(field, $"'{ObjectKeys.Printable(obj.Key)}': {ex.Message}");
        }

        return RealPath.IsInside(real, _rootReal)
            ? real
            : throw StepException.Invalid(field, $"'{ObjectKeys.Printable(obj.Key)}' leads outside the store root through a symbolic link");
    }

    private string Display(string real) =>
        RealPath.IsInside(real, _rootReal) && real.Length > _rootReal.Length ? $"'{real[(_rootReal.Length + 1)..]}'" : "the store root";

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
}
