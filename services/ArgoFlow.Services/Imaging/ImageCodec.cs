using System.Globalization;
using ArgoFlow.Services.Errors;
using OpenCvSharp;

namespace ArgoFlow.Services.Imaging;

/// <summary>Decodes (after the header checks) and encodes images with OpenCV. Stateless and thread-safe.</summary>
public static class ImageCodec
{
    /// <summary>Decodes to an 8-bit, 3-channel BGR Mat. The caller disposes it.</summary>
    public static Mat Decode(ReadOnlySpan<byte> data, ImageLimits limits, string uri)
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

        Mat mat;
        try
        {
            mat = Cv2.ImDecode(data, ImreadModes.Color);
        }
        catch (OpenCVException ex)
        {
            throw StepException.Undecodable(uri, ex.Message);
        }

        // IMREAD_COLOR applies the EXIF orientation, so a rotated JPEG decodes with its sides swapped.
        var sizeMatches = (mat.Width == header.Width && mat.Height == header.Height) ||
            (mat.Width == header.Height && mat.Height == header.Width);
        if (mat.Empty() || !sizeMatches)
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
