namespace ArgoFlow.Services.Storage;

/// <summary>
/// A validated reference to one object: the bucket (empty for the local directory store) and a key that has
/// passed <see cref="ObjectKeys.Validate"/>. Only stores create these, from request text they resolved.
/// </summary>
public sealed record ObjectRef(string Bucket, string Key)
{
    /// <summary>The key's last segment (the "file name").</summary>
    public string Name => Key[(Key.LastIndexOf('/') + 1)..];

    /// <summary>The key up to and including its last '/', or empty.</summary>
    public string Folder => Key[..(Key.LastIndexOf('/') + 1)];

    /// <summary>A sibling object in the same bucket and folder.</summary>
    public ObjectRef WithName(string name) => this with { Key = Folder + name };
}
