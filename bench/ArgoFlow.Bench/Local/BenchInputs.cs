using ArgoFlow.Core.Errors;
using ArgoFlow.Services.Imaging;
using OpenCvSharp;

namespace ArgoFlow.Bench.Local;

/// <summary>
/// The images a local bench feeds its pipeline: the files given with --input (one image or every image of a
/// folder), or a 1920x1080 JPEG built from the shared sample photos - four of them, each scaled to fill a
/// 960x540 quarter - so the reference input has real content (people, cars) at full HD.
/// </summary>
public static class BenchInputs
{
    public const int DefaultWidth = 1920;
    public const int DefaultHeight = 1080;

    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".webp"];

    /// <summary>The image files of --input PATH|DIR, sorted by name; each checked to be a decodable image header.</summary>
    public static IReadOnlyList<string> Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal).ToList()
            : File.Exists(path) ? [path] : throw new ArgoFlowException(ExitCode.InvalidInput, $"--input {path}: no such file or folder");
        if (files.Count == 0)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"--input {path}: the folder has no .jpg, .jpeg, .png or .webp image");
        }

        foreach (var file in files)
        {
            var header = ImageHeader.TryRead(File.ReadAllBytes(file));
            if (header is not { Complete: true })
            {
                throw new ArgoFlowException(ExitCode.InvalidInput, $"--input {file}: not a complete JPEG, PNG or WebP image");
            }
        }

        return files.Select(Path.GetFullPath).ToList();
    }

    /// <summary>Builds the reference 1920x1080 JPEG (quality 90) from the photos in <paramref name="imagesDir"/> into <paramref name="outputPath"/>.</summary>
    public static string CreateDefault(string imagesDir, string outputPath)
    {
        var photos = Directory.Exists(imagesDir)
            ? Directory.EnumerateFiles(imagesDir, "*.jpg").Order(StringComparer.Ordinal).ToList()
            : [];
        if (photos.Count == 0)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"no sample photos in {imagesDir} to build the default input from",
                "pass --input PATH with a 1920x1080 JPEG (or any image or folder of images)");
        }

        using var canvas = new Mat(DefaultHeight, DefaultWidth, MatType.CV_8UC3, Scalar.Black);
        var tile = new Size(DefaultWidth / 2, DefaultHeight / 2);
        for (var i = 0; i < 4; i++)
        {
            using var photo = Cv2.ImRead(photos[i % photos.Count], ImreadModes.Color);
            using var filled = Fill(photo, tile);
            using var quarter = new Mat(canvas, new Rect((i % 2) * tile.Width, (i / 2) * tile.Height, tile.Width, tile.Height));
            filled.CopyTo(quarter);
        }

        // A plain one-scan baseline JPEG with no restart markers, as a camera or most tools write it (not
        // ImageCodec.Encode's strips), so no decoder shortcut applies to the reference input.
        Cv2.ImEncode(".jpg", canvas, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
        File.WriteAllBytes(outputPath, jpeg);
        return outputPath;
    }

    /// <summary>The folder of sample photos: ../shared/images beside the working directory or above the executable.</summary>
    public static string? FindSharedImages() => FindShared("images");

    private static string? FindShared(string folder)
    {
        var candidates = new List<string>
        {
            Path.Combine(Environment.CurrentDirectory, "..", "shared", folder),
            Path.Combine(Environment.CurrentDirectory, "shared", folder),
        };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "shared", folder));
        }

        return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
    }

    /// <summary>Scales up or down to cover <paramref name="size"/>, then crops the centre.</summary>
    private static Mat Fill(Mat photo, Size size)
    {
        var scale = Math.Max((double)size.Width / photo.Width, (double)size.Height / photo.Height);
        var scaled = new Size(Math.Max(size.Width, (int)Math.Ceiling(photo.Width * scale)), Math.Max(size.Height, (int)Math.Ceiling(photo.Height * scale)));
        using var resized = new Mat();
        Cv2.Resize(photo, resized, scaled, 0, 0, scale > 1 ? InterpolationFlags.Cubic : InterpolationFlags.Area);
        using var view = new Mat(resized, new Rect((scaled.Width - size.Width) / 2, (scaled.Height - size.Height) / 2, size.Width, size.Height));
        return view.Clone();
    }
}
