using System.Net.Sockets;
using ArgoFlow.Services.Errors;
using ArgoFlow.Core.Text;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace ArgoFlow.Services.Storage;

/// <summary>
/// Objects in S3 or MinIO through one reused Minio client. Reads stream the response body straight into a pooled
/// buffer (the only copy); writes stream from the encoded bytes. An S3 PUT is atomic: readers never see a part.
/// </summary>
public sealed class S3ImageStore : IImageStore, IDisposable
{
    private readonly IMinioClient _client;
    private readonly S3StoreOptions _options;
    private readonly string _endpoint;

    public S3ImageStore(S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _endpoint = UrlRedaction.Redact(options.Endpoint);
        var endpoint = new Uri(options.Endpoint);
        var builder = new MinioClient()
            .WithEndpoint(endpoint.Host, endpoint.Port)
            .WithSSL(endpoint.Scheme == "https")
            .WithRegion(options.Region);
        if (!string.IsNullOrEmpty(options.AccessKey))
        {
            builder = builder.WithCredentials(options.AccessKey, options.SecretKey);
        }
        else if (endpoint.UserInfo.Split(':', 2) is [{ Length: > 0 } key, var secret])
        {
            // http://KEY:SECRET@host: honoured, and never printed (every message uses the redacted endpoint).
            builder = builder.WithCredentials(Uri.UnescapeDataString(key), Uri.UnescapeDataString(secret));
        }

        _client = builder.Build();
    }

    public string Description => $"s3://{_options.Bucket}/{_options.Prefix} ({_endpoint})";

    public ObjectRef Resolve(string reference, string field)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = reference["s3://".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                throw StepException.Invalid(field, $"'{ObjectKeys.Printable(reference)}' needs the form s3://bucket/key");
            }

            var bucket = rest[..slash];
            if (!IsBucketName(bucket))
            {
                throw StepException.Invalid(field, $"'{ObjectKeys.Printable(bucket)}' is not a valid bucket name");
            }

            return new ObjectRef(bucket, ObjectKeys.Validate(rest[(slash + 1)..], field));
        }

        if (reference.Contains("://", StringComparison.Ordinal))
        {
            throw StepException.Invalid(field, $"'{ObjectKeys.Printable(reference)}' is not an s3:// URI or a key; this service stores in {Description}");
        }

        var key = ObjectKeys.Validate(reference, field);
        return new ObjectRef(_options.Bucket, _options.Prefix.Length == 0 ? key : _options.Prefix + "/" + key);
    }

    public string ToUri(ObjectRef obj) => $"s3://{obj.Bucket}/{obj.Key}";

    public async Task<PooledBuffer> ReadAsync(ObjectRef obj, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new PooledBuffer(256 * 1024);
        try
        {
            var args = new GetObjectArgs().WithBucket(obj.Bucket).WithObject(obj.Key)
                .WithCallbackStream((stream, ct) => buffer.FillAsync(stream, maxBytes,
                    () => StepException.TooLarge(ToUri(obj), $"more than {maxBytes} bytes"), ct));
            await Guard(obj, () => _client.GetObjectAsync(args, cancellationToken));
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    public async Task WriteAsync(ObjectRef obj, ReadOnlyMemory<byte> data, string contentType, CancellationToken cancellationToken)
    {
        var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(data.ToArray(), writable: false);
        await using (stream)
        {
            var args = new PutObjectArgs().WithBucket(obj.Bucket).WithObject(obj.Key)
                .WithStreamData(stream).WithObjectSize(data.Length).WithContentType(contentType);
            await Guard(obj, () => _client.PutObjectAsync(args, cancellationToken));
        }
    }

    public bool IsSameObject(ObjectRef input, ObjectRef output) => input == output;

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var root = new ObjectRef(_options.Bucket, string.Empty);
        var exists = await Guard(root, () => _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(_options.Bucket), cancellationToken));
        if (!exists)
        {
            throw StepException.Unavailable($"bucket '{_options.Bucket}' does not exist at {_endpoint}");
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// S3's bucket naming rules: 3-63 characters, lowercase letters, digits, '.' and '-', starting and ending with a
    /// letter or digit, no "..". Checking the characters alone let ".." through, which a path-style request turns
    /// into a different bucket.
    /// </summary>
    private static bool IsBucketName(string bucket) =>
        bucket.Length is >= 3 and <= 63 &&
        bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.') &&
        char.IsAsciiLetterOrDigit(bucket[0]) && char.IsAsciiLetterOrDigit(bucket[^1]) &&
        !bucket.Contains("..", StringComparison.Ordinal);

    /// <summary>Maps the SDK's exceptions to step failures; the SDK's own text may carry request details, so it stays in logs.</summary>
    private async Task<T> Guard<T>(ObjectRef obj, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is ObjectNotFoundException or BucketNotFoundException)
        {
            throw StepException.NotFound(ToUri(obj));
        }
        catch (Exception ex) when (ex is ConnectionException or HttpRequestException or SocketException or IOException or TimeoutException)
        {
            throw StepException.Unavailable($"cannot reach {_endpoint} for {ToUri(obj)}", ex);
        }
        catch (Exception ex) when (ex is AuthorizationException or AccessDeniedException or ForbiddenException)
        {
            throw StepException.Unavailable($"{_endpoint} refused access to {ToUri(obj)} (check the credentials)", ex);
        }
        catch (MinioException ex)
        {
            throw StepException.Unavailable($"{_endpoint} failed on {ToUri(obj)}: {ex.GetType().Name}", ex);
        }
        catch (NullReferenceException ex)
        {
            // The Minio SDK dereferences the error body of a 5xx without one (HEAD always, GET/PUT from a proxy): it is
            // the server failing, so UNAVAILABLE (retried), not INTERNAL.
            throw StepException.Unavailable($"{_endpoint} answered {ToUri(obj)} with a server error and no body", ex);
        }
    }
}
