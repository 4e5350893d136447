namespace ArgoFlow.Services.Storage;

/// <summary>
/// Where images and detection files live. Two implementations: <see cref="LocalDirectoryStore"/> (the embedded
/// default) and <see cref="S3ImageStore"/> (S3/MinIO). Failures are <see cref="Errors.StepException"/>s:
/// NotFound for a missing object, StorageUnavailable when the store cannot be reached, InvalidArgument for a
/// reference that is malformed or leaves the store.
/// </summary>
public interface IImageStore
{
    /// <summary>For logs and errors, e.g. "local directory /data" or "s3://images/in (http://minio:9000)".</summary>
    string Description { get; }

    /// <summary>
    /// Turns request text - a store-relative key, <c>file:///abs/path</c> or <c>s3://bucket/key</c> - into a
    /// validated reference, or throws InvalidArgument naming <paramref name="field"/>.
    /// </summary>
    ObjectRef Resolve(string reference, string field);

    /// <summary>The URI a response returns for the object; <see cref="Resolve"/> accepts it back.</summary>
    string ToUri(ObjectRef obj);

    /// <summary>Reads the whole object into a pooled buffer; TooLarge once it exceeds maxBytes.</summary>
    Task<PooledBuffer> ReadAsync(ObjectRef obj, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Writes the object so that readers see either the old or the complete new content, never a part.</summary>
    Task WriteAsync(ObjectRef obj, ReadOnlyMemory<byte> data, string contentType, CancellationToken cancellationToken);

    /// <summary>
    /// Whether writing <paramref name="output"/> would replace the object reading <paramref name="input"/> reads
    /// (the same key, or for the local store another name for the same file).
    /// </summary>
    bool IsSameObject(ObjectRef input, ObjectRef output);

    /// <summary>Checks the store is reachable and usable (root exists / bucket exists).</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
