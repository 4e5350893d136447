using System.Globalization;
using ArgoFlow.Services.Errors;
using OpenCvSharp;

namespace ArgoFlow.Services.Imaging;

/// <summary>Decodes (after the header checks) and encodes images with OpenCV. Stateless and thread-safe.</summary>
public static class ImageCodec
{
    /// <summary>
    /// PNG: zlib level 1 with run-length matching on Paeth-filtered rows. For photos that is as small as libpng's
    /// adaptive choice among all five filters at half the time (1280x960: 45 ms and 830 KB against 89 ms and
    /// 896 KB, docs/benchmarks.md). OpenCvSharp's enum has no names for the filter and strategy flags.
    /// 8-bit images of 1, 3 or 4 channels (all the services make) go to <see cref="PngEncoder"/> instead, which
    /// writes the same filter and zlib settings in bands and can stop when the call is cancelled; these
    /// parameters remain for any other Mat.
    /// </summary>
    private static readonly ImageEncodingParam[] PngParameters =
    [
        new(ImwriteFlags.PngCompression, 1),
        new((ImwriteFlags)17, 3), // IMWRITE_PNG_STRATEGY = IMWRITE_PNG_STRATEGY_RLE
        new((ImwriteFlags)19, 128), // IMWRITE_PNG_FILTER = IMWRITE_PNG_FILTER_PAETH
    ];

    /// <summary>Whether WebP goes through the cancellable native codec ("on (...)") or OpenCV ("off (why)").</summary>
    public static string WebpCodecStatus => NativeWebp.Status;

    /// <summary>The JPEG decode reductions libjpeg offers, largest first.</summary>
    public static IReadOnlyList<int> Reductions { get; } = [8, 4, 2];

    /// <summary>Decodes to an 8-bit, 3-channel BGR Mat at full size. The caller disposes it.</summary>
    public static Mat Decode(ReadOnlySpan<byte> data, ImageLimits limits, string uri) =>
        Decode(data, limits, uri, null, out _);

    /// <summary>
    /// Decodes to an 8-bit, 3-channel BGR Mat. For a JPEG, <paramref name="reductionFor"/> (given the header's width
    /// and height) may ask for 2, 4 or 8: libjpeg then scales in the DCT domain while decoding, several times
    /// faster than a full decode followed by a resize. <paramref name="sourceSize"/> is the full-size image's
    /// width and height (after EXIF rotation), whatever the reduction.
    /// </summary>
    public static Mat Decode(ReadOnlySpan<byte> data, ImageLimits limits, string uri, Func<int, int, int>? reductionFor, out Size sourceSize) =>
        Decode(data, limits, uri, reductionFor, out sourceSize, CancellationToken.None);

    /// <summary>
    /// As above; a token that can be cancelled makes a JPEG decode stop within one MCU row of its cancellation
    /// (<see cref="CancellableJpegDecode"/>, same pixels) where the native decoder takes it, a PNG decode within
    /// one band of about 1 MB of rows (<see cref="PngDecoder"/>, same pixels) and a WebP decode within one chunk of
    /// the file (<see cref="CancellableWebp"/>, same pixels); else OpenCV decodes it whole. Without a token it is
    /// always OpenCV's decode, which the tests use as the reference.
    /// </summary>
    public static Mat Decode(ReadOnlySpan<byte> data, ImageLimits limits, string uri, Func<int, int, int>? reductionFor, out Size sourceSize,
        CancellationToken cancellationToken)
    {
        var header = CheckedHeader(data, limits, uri);
        var reduction = header.Format == "jpeg" && reductionFor is not null ? reductionFor(header.Width, header.Height) : 1;
        var mat = cancellationToken.CanBeCanceled ? CancellableDecode(data, header, reduction, uri, cancellationToken) : null;
        if (mat is null && cancellationToken.CanBeCanceled && header.Pixels > MaxWholeDecodePixels && DeclinedByCancellableDecoder(header, data))
        {
            // The interruptible decoder declined this file (an animated PNG or WebP, a 12-bit JPEG, PNG image data split
            // by another chunk): OpenCV would decode it in one call a cancel cannot stop, about 30 ns a pixel here.
            throw StepException.TooLarge(uri, string.Create(CultureInfo.InvariantCulture,
                $"a {header.Width}x{header.Height} {header.Format} of a kind only OpenCV decodes, in one call a cancel cannot stop (animated, 12-bit, or image data split by another chunk), is taken up to {MaxWholeDecodePixels} pixels"));
        }

        mat ??= OpenCvDecode(data, reduction, uri);

        // IMREAD_COLOR applies the EXIF orientation, so a rotated JPEG decodes with its sides swapped.
        var (w, h) = ((header.Width + reduction - 1) / reduction, (header.Height + reduction - 1) / reduction);
        var upright = mat.Width == w && mat.Height == h;
        var rotated = mat.Width == h && mat.Height == w;
        sourceSize = rotated && !upright ? new Size(header.Height, header.Width) : new Size(header.Width, header.Height);
        if (mat.Empty() || !(upright || rotated))
        {
            mat.Dispose();
            throw StepException.Undecodable(uri, $"the {header.Format} data is corrupt or truncated");
        }

        return mat;
    }

    /// <summary>
    /// The most pixels an image the interruptible decoders decline may have when the call can be cancelled: OpenCV
    /// decodes it in one call of about 30 ns a pixel here (a 7000x5250 PNG: 1.1 s), so 6 Mpixels keep that call
    /// under the 200 ms a cancelled call may go on for (docs/reliability.md).
    /// </summary>
    public const long MaxWholeDecodePixels = 6_000_000;

    /// <summary>
    /// Whether an interruptible decoder for the format is there and turned this file down. A JPEG whose EXIF
    /// orientation cannot be made out is not counted: such photos are ordinary (cameras write odd values), and
    /// OpenCV decodes them whole whatever their size.
    /// </summary>
    private static bool DeclinedByCancellableDecoder(ImageHeader header, ReadOnlySpan<byte> data) => header.Format switch
    {
        "png" => true,
        "webp" => NativeWebp.Available,
        _ => NativeJpeg.Available && ImageHeader.JpegOrientation(data) != 0,
    };

    private static Mat? CancellableDecode(ReadOnlySpan<byte> data, ImageHeader header, int reduction, string uri, CancellationToken cancellationToken) =>
        header.Format switch
        {
            "png" => PngDecoder.TryDecode(data, uri, cancellationToken),
            "webp" => CancellableWebp.TryDecode(data, header, uri, cancellationToken),
            _ => CancellableJpegDecode.TryDecode(data, header, reduction, uri, cancellationToken),
        };

    private static Mat OpenCvDecode(ReadOnlySpan<byte> data, int reduction, string uri)
    {
        var mode = reduction switch
        {
            8 => ImreadModes.ReducedColor8,
            4 => ImreadModes.ReducedColor4,
            2 => ImreadModes.ReducedColor2,
            _ => ImreadModes.Color,
        };
        try
        {
            return Cv2.ImDecode(data, mode);
        }
        catch (OpenCVException ex)
        {
            throw StepException.Undecodable(uri, ex.Message);
        }
    }

    /// <summary>
    /// The header of an image about to be decoded, after the checks every decode makes: a known format, a plausible
    /// size within <paramref name="limits"/> (decompression bombs), and an end marker (no truncated file).
    /// </summary>
    public static ImageHeader CheckedHeader(ReadOnlySpan<byte> data, ImageLimits limits, string uri)
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

        if (header.Format == "jpeg" && JpegScans.Count(data, limits.MaxJpegScans) is var scans && scans > limits.MaxJpegScans)
        {
            throw StepException.TooLarge(uri, string.Create(CultureInfo.InvariantCulture,
                $"the JPEG has more than {limits.MaxJpegScans} scans (each is a pass over the whole image; progressive JPEGs have about 10)"));
        }

        return header;
    }

    /// <summary>
    /// Encodes to jpeg, png or webp; quality applies to jpeg and webp. A JPEG of a megapixel or more is encoded in
    /// strips on every core and joined with restart markers (<see cref="StripJpegEncoder"/>): the same pixels as a
    /// one-thread encode, in about half the time on two cores. JPEG and PNG stop between strips or bands when
    /// <paramref name="cancellationToken"/> is cancelled, WebP at libwebp's next progress report
    /// (<see cref="CancellableWebp"/>, OpenCV's settings; OpenCV's encoder, which runs to its end, when the
    /// native codec was not built).
    /// </summary>
    public static byte[] Encode(Mat image, string format, int quality, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        CheckEncodable(image.Width, image.Height, format);
        byte[] bytes;
        try
        {
            switch (format)
            {
                case "png" when PngEncoder.CanEncode(image):
                    bytes = PngEncoder.Encode(image, cancellationToken);
                    break;
                case "png":
                    Cv2.ImEncode(".png", image, out bytes, PngParameters);
                    break;
                case "webp":
                    bytes = CancellableWebp.TryEncode(image, quality, cancellationToken) ?? OpenCvWebp(image, quality);
                    break;
                default:
                    bytes = StripJpegEncoder.Encode(image, quality, Environment.ProcessorCount, cancellationToken);
                    break;
            }
        }
        catch (OpenCVException ex)
        {
            throw StepException.Conflict($"the {format} encoder cannot write a {image.Width}x{image.Height} image: {ex.Message}");
        }

        // OpenCV reports some refusals (libwebp's, libpng's) only as an empty result.
        return bytes.Length > 0 ? bytes : throw StepException.Conflict($"the {format} encoder wrote nothing for a {image.Width}x{image.Height} image");
    }

    private static byte[] OpenCvWebp(Mat image, int quality)
    {
        Cv2.ImEncode(".webp", image, out var bytes, new ImageEncodingParam(ImwriteFlags.WebPQuality, quality));
        return bytes;
    }

    /// <summary>
    /// Refuses, before any work, an output the encoder cannot hold: libjpeg writes at most 65500 pixels a side,
    /// libwebp 16383, and libpng (as OpenCV builds it) refuses more than 1,000,000 rows or columns. Without this
    /// check such an encode came back empty and an empty object replaced the target.
    /// </summary>
    public static void CheckEncodable(int width, int height, string format)
    {
        var limit = MaxSide(format);
        if (width > limit || height > limit)
        {
            // FAILED_PRECONDITION like every other size limit; the message names the field that can change it.
            throw new StepException(StepFailure.TooLarge, string.Create(CultureInfo.InvariantCulture,
                $"format: {format} cannot hold a {width}x{height} image (at most {limit} pixels a side); choose a smaller size or another format"), "format");
        }
    }

    public static int MaxSide(string format) => format switch
    {
        "png" => 1_000_000,
        "webp" => 16383,
        _ => 65500,
    };

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
