using System.Security.Cryptography;
using System.Text;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Doubles;

/// <summary>
/// A local directory store for the service doubles: keys relative to the root or file:// URIs inside it. Outputs
/// are derived from the input key and a parameter tag, so the same request always writes the same object.
/// </summary>
public sealed class DoubleStore(string root)
{
    public string Root { get; } = root;

    public string PathOf(string uriOrKey)
    {
        var path = uriOrKey.StartsWith("file://", StringComparison.Ordinal)
            ? new Uri(uriOrKey).LocalPath
            : Path.Combine(Root, uriOrKey);
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(Path.GetFullPath(Root), StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"input: {uriOrKey} is outside the store"));
        }

        return full;
    }

    public byte[] Read(string uriOrKey)
    {
        var path = PathOf(uriOrKey);
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new RpcException(new Status(StatusCode.NotFound, $"input: {uriOrKey} does not exist"));
    }

    /// <summary>Writes <paramref name="content"/> under the requested key or one derived from the input; returns its URI.</summary>
    public string Write(string requested, string input, string tag, string extension, byte[] content)
    {
        var key = requested.Length > 0 ? requested : Derive(input, tag, extension);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return new Uri(path).AbsoluteUri;
    }

    /// <summary>A deterministic stand-in for image processing: the input bytes, then a hash of input and tag.</summary>
    public static byte[] Transform(byte[] input, string tag) =>
        [.. input, .. SHA256.HashData([.. input, .. Encoding.UTF8.GetBytes(tag)])];

    private string Derive(string input, string tag, string extension)
    {
        var relative = Path.GetRelativePath(Root, PathOf(input));
        var stem = Path.Combine(Path.GetDirectoryName(relative) ?? string.Empty, Path.GetFileNameWithoutExtension(relative));
        return $"{stem}.{tag}{extension}";
    }
}
