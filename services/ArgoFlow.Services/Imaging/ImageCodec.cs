using System.Globalization;
using ArgoFlow.Services.Errors;
using OpenCvSharp;

namespace ArgoFlow.Services.Imaging;

/// <summary>Decodes (after the header checks) and encodes images with OpenCV. Stateless and thread-safe.</summary>
public static class ImageCodec
{
    /// <summary>
    /// Decodes to an 8-bit, 3-channel BGR Mat. The caller disposes it. <paramref name="reduce"/> (1, 2, 4 or 8)
    /// asks a JPEG to be decoded straight to 1/reduce of its size (libjpeg's scaled IDCT): several times cheaper
    /// than a full decode when the caller shrinks the image anyway. Other formats ignore it. The result is
    /// ceil(width / reduce) x ceil(height / reduce).
    /// </summary>
    public static Mat Decode(ReadOnlySpan<byte> data, ImageLimits limits, string uri, int reduce = 1)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (data.Length == 0)
        {
            throw StepException.Undecodable(uri, "the object is empty");
        }

        var header = ImageHeader.TryRead(data)
            ?? throw StepException.Undecodable(uri, "not a JPEG, PNG or WebP image (or its header is truncated)");
        if (header.Width <= 0 || header.Height <= 0)
        {
            throw StepException.Undecodable(uri, $"the header claims a {header.Width}x{header.Height} image");
        }

        if (header.Pixels > limits.MaxPixels)
        {
            throw StepException.TooLarge(uri, string.Create(CultureInfo.InvariantCulture,
                $"{header.Width}x{header.Height} is {header.Pixels} pixels, the limit is {limits.MaxPixels}"));
        }

        if (!header.Complete)
        {
            throw StepException.Undecodable(uri, $"the {header.Format} data is truncated (no end marker)");
        }

        if (header.Format != "jpeg")
        {
            reduce = 1;
        }

        var mode = reduce switch
        {
            1 => ImreadModes.Color,
            2 => ImreadModes.ReducedColor2,
            4 => ImreadModes.ReducedColor4,
            8 => ImreadModes.ReducedColor8,
            _ => throw new ArgumentOutOfRangeException(nameof(reduce), reduce, "1, 2, 4 or 8"),
        };
        var expectedWidth = (header.Width + reduce - 1) / reduce;
        var expectedHeight = (header.Height + reduce - 1) / reduce;
        Mat mat;
        try
        {
            mat = Cv2.ImDecode(data, mode);
        }
        catch (OpenCVException ex)
        {
            throw StepException.Undecodable(uri, ex.Message);
        }

        if (mat.Empty() || mat.Width != expectedWidth || mat.Height != expectedHeight)
        {
            mat.Dispose();
            throw StepException.Undecodable(uri, $"the {header.Format} data is corrupt or truncated");
        }

        return mat;
    }

    /// <summary>Encodes to jpeg, png or webp; quality applies to jpeg and webp.</summary>
    public static byte[] Encode(Mat image, string format, int quality)
    {
        var (extension, parameters) = format switch
        {
            "png" => (".png", new[] { new ImageEncodingParam(ImwriteFlags.PngCompression, 1) }),
            "webp" => (".webp", [new ImageEncodingParam(ImwriteFlags.WebPQuality, quality)]),
            _ => (".jpg", [new ImageEncodingParam(ImwriteFlags.JpegQuality, quality)]),
        };
        Cv2.ImEncode(extension, image, out var bytes, parameters);
        return bytes;
    }

    public static string ContentType(string format) => format switch
    {
        "png" => "image/png",
        "webp" => "image/webp",
        _ => "image/jpeg",
    };

    public static string Extension(string format) => format switch
    {
        "png" => "png",
        "webp" => "webp",
        _ => "jpg",
    };
}
