using OpenCvSharp;

namespace ArgoFlow.Services.Bench;

/// <summary>The benchmark input: a 1920x1080 JPEG tiled from the shared photos (3 x 2 tiles of 640x540).</summary>
internal static class BenchImage
{
    public static byte[] Build(string imagesDir)
    {
        var photos = Enumerable.Range(0, 6).Select(i => Path.Combine(imagesDir, $"{i % 5}.jpg")).ToArray();
        using var canvas = new Mat(1080, 1920, MatType.CV_8UC3, Scalar.All(0));
        for (var i = 0; i < photos.Length; i++)
        {
            using var photo = Cv2.ImRead(photos[i], ImreadModes.Color);
            if (photo.Empty())
            {
                throw new FileNotFoundException($"cannot read {photos[i]}", photos[i]);
            }

            using var tile = new Mat(canvas, new Rect((i % 3) * 640, (i / 3) * 540, 640, 540));
            Cv2.Resize(photo, tile, new Size(640, 540), 0, 0, InterpolationFlags.Cubic);
        }

        Cv2.ImEncode(".jpg", canvas, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
        return jpeg;
    }
}
