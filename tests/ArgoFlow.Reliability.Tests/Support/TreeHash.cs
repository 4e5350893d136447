using System.Security.Cryptography;
using System.Text;

namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>
/// One hash over a directory tree: every entry's relative path, kind, link target and file content, in a fixed
/// order. Equal before and after an attack means nothing in the tree was read-modified, created or replaced.
/// </summary>
internal static class TreeHash
{
    public static string Of(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(entry);
            var kind = info.LinkTarget is { } target ? "link:" + target : Directory.Exists(entry) ? "dir" : "file";
            hash.AppendData(Encoding.UTF8.GetBytes($"{Path.GetRelativePath(root, entry)}\0{kind}\0"));
            if (kind == "file")
            {
                hash.AppendData(File.ReadAllBytes(entry));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
