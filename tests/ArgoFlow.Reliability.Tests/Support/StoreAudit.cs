using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>Checks a local store after a fault: no temporary files left, every object that exists decodes whole.</summary>
internal static class StoreAudit
{
    /// <summary>Copies the shared photos into <c>in/</c> of the store.</summary>
    public static void SeedInputs(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "in"));
        foreach (var image in Directory.EnumerateFiles(SharedData.ImagesDir, "*.jpg"))
        {
            File.Copy(image, Path.Combine(root, "in", Path.GetFileName(image)), overwrite: true);
        }
    }

    public static IReadOnlyList<string> TemporaryFiles(string root) =>
        Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories).ToList();

    /// <summary>True when the file is a complete image (the decoder sees its whole size, not a grey-filled rest).</summary>
    public static bool Decodes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0 || !HasEndMarker(bytes))
        {
            return false;
        }

        using var mat = Cv2.ImDecode(bytes, ImreadModes.Unchanged);
        return !mat.Empty() && mat.Width > 0 && mat.Height > 0;
    }

    /// <summary>libjpeg decodes a cut-off JPEG without complaint, so check the JPEG end marker / PNG IEND ourselves.</summary>
    private static bool HasEndMarker(byte[] bytes) =>
        bytes is [0xFF, 0xD8, ..]
            ? bytes[^2] == 0xFF && bytes[^1] == 0xD9
            : bytes is [0x89, 0x50, 0x4E, 0x47, ..]
                ? bytes.AsSpan()[^8..^4].SequenceEqual("IEND"u8)
                : true;
}
