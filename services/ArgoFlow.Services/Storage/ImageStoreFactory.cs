namespace ArgoFlow.Services.Storage;

/// <summary>Builds the store <c>--store</c> names: <c>s3://bucket[/prefix]</c> or a directory.</summary>
public static class ImageStoreFactory
{
    public static bool IsS3(string store) => store.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    public static IImageStore Create(string store, S3StoreOptions s3)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!IsS3(store))
        {
            Directory.CreateDirectory(store);
            return new LocalDirectoryStore(store);
        }

        return new S3ImageStore(S3OptionsFor(store, s3));
    }

    /// <summary>The connection options with bucket and prefix taken from the s3:// store URI.</summary>
    public static S3StoreOptions S3OptionsFor(string store, S3StoreOptions connection)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(connection);
        var rest = store["s3://".Length..].Trim('/');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return new S3StoreOptions
        {
            Bucket = slash < 0 ? rest : rest[..slash],
            Prefix = slash < 0 ? string.Empty : rest[(slash + 1)..],
            Endpoint = connection.Endpoint,
            Region = connection.Region,
            AccessKey = connection.AccessKey,
            SecretKey = connection.SecretKey,
        };
    }
}
