using System.Globalization;
using ArgoFlow.Services.Errors;
using OpenCvSharp;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// WebP encode and decode that a caller who gave up can stop, through libargoflow_webp (<see cref="NativeWebp"/>).
/// OpenCV's imencode/imdecode are single libwebp calls: a 16383-wide encode kept a core busy for seconds after its
/// caller left. The encoder stops between bands of its colour conversion or at libwebp's next progress report
/// (about every 1 % of the encode) once the token is cancelled; the decoder is fed the file in pieces and the token
/// is checked between them. The settings and decoded pixels are OpenCV's (CancellableWebpTests compare them).
/// </summary>
internal static unsafe class CancellableWebp
{
    /// <summary>
    /// The decoder gets the file in about this many pieces, so the work between two looks at the token is about
    /// 1/64 of the decode - but a piece is at least 4 KB (fewer calls for small files) and at most 64 KB (a few
    /// milliseconds of decoding however large the file).
    /// </summary>
    private const int Pieces = 64;
    private const int MinChunk = 4 << 10;
    private const int MaxChunk = 64 << 10;

    /// <summary>
    /// Rows converted to YUV between two looks at the token in a lossy encode: about a megapixel at the widest
    /// (16383), a few milliseconds. Even, as the 4:2:0 chroma rows require.
    /// </summary>
    internal const int ImportBandRows = 64;

    /// <summary>
    /// Encodes an 8-bit image of 1, 3 or 4 channels as OpenCV's imencode(".webp", IMWRITE_WEBP_QUALITY) does:
    /// quality below 1 counts as 1, over 100 means lossless, a single channel is written as BGR. Null when this
    /// path does not apply (no native codec, another depth or channel count) and nothing was done.
    /// </summary>
    public static byte[]? TryEncode(Mat image, int quality, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!NativeWebp.Available || image.Depth() != MatType.CV_8U || image.Channels() is not (1 or 3 or 4))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var converted = image.Channels() == 1 ? image.CvtColor(ColorConversionCodes.GRAY2BGR) : null;
        var source = converted ?? image;
        var cancel = 0;
        var flag = &cancel;
        byte[]? bytes;
        string? error;
        // The flag lives on this thread's stack; disposing the registration waits for a running callback, so it
        // is never written after this frame is gone.
        using (cancellationToken.UnsafeRegister(static state => Volatile.Write(ref *(int*)(nint)state!, 1), (nint)flag))
        {
            bytes = NativeWebp.Encode((byte*)source.Data, source.Width, source.Height, checked((int)source.Step()), source.Channels(),
                Math.Max(1, quality), quality > 100, ImportBandRows, flag, out error);
        }

        if (bytes is null && error is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return bytes ?? throw StepException.Conflict(string.Create(CultureInfo.InvariantCulture,
            $"the webp encoder cannot write a {image.Width}x{image.Height} image: {error ?? "stopped"}"));
    }

    /// <summary>
    /// Decodes the WebP <paramref name="data"/> (already through <see cref="ImageCodec.CheckedHeader"/>) to BGR, any
    /// alpha dropped, as OpenCV's IMREAD_COLOR does, into a Mat the caller disposes. Null when this path does not
    /// apply and nothing was done: no native codec, not a WebP, an animation (OpenCV decodes its first frame) or
    /// a size libwebp reads differently from the header. Data libwebp refuses fails as undecodable, naming
    /// libwebp's status; a cancelled token throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static Mat? TryDecode(ReadOnlySpan<byte> data, ImageHeader header, string uri, CancellationToken cancellationToken)
    {
        if (!NativeWebp.Available || header.Format != "webp")
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        fixed (byte* bytes = data)
        {
            var status = NativeWebp.Features(bytes, data.Length, out var width, out var height, out var animated);
            if (status != NativeWebp.StatusOk)
            {
                throw StepException.Undecodable(uri, $"libwebp refuses its headers ({NativeWebp.StatusName(status)}: unreadable, or chunk sizes that do not fit the file)");
            }

            return animated || width != header.Width || height != header.Height
                ? null
                : Read(bytes, data.Length, width, height, uri, cancellationToken);
        }
    }

    /// <summary>
    /// Why a lossless WebP whose chunk declares fewer bytes than follow it fails here: the incremental decoder stops
    /// at the declared end, while libwebp's one-shot decoder (OpenCV's) reads on to the end of the file. Such a file
    /// is corrupt; it is refused rather than decoded in one call a cancel cannot stop.
    /// </summary>
    private static string? ShortLosslessChunk(ReadOnlySpan<byte> data)
    {
        const int ChunkStart = 20; // "RIFF" size "WEBP" "VP8L" size: the simple lossless layout
        if (data.Length <= ChunkStart || !data.Slice(12, 4).SequenceEqual("VP8L"u8))
        {
            return null;
        }

        var declared = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data[16..]);
        return declared < (uint)(data.Length - ChunkStart)
            ? string.Create(CultureInfo.InvariantCulture, $"the VP8L chunk declares {declared} bytes but {data.Length - ChunkStart} follow it and the image needs more")
            : null;
    }

    private static Mat Read(byte* data, int length, int width, int height, string uri, CancellationToken cancellationToken)
    {
        var mat = new Mat(height, width, MatType.CV_8UC3);
        try
        {
            var step = mat.Step();
            using var decoder = NativeWebp.Decoder.Create((byte*)mat.Data, step * height, checked((int)step))
                ?? throw StepException.Undecodable(uri, "libwebp refused the output buffer");
            var chunk = Math.Clamp(length / Pieces, MinChunk, MaxChunk);
            for (var fed = 0; ;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                fed = Math.Min(length, fed + chunk);
                var status = decoder.Update(data, fed);
                if (status == NativeWebp.StatusOk)
                {
                    return mat;
                }

                if (status != NativeWebp.StatusSuspended)
                {
                    throw StepException.Undecodable(uri, ShortLosslessChunk(new ReadOnlySpan<byte>(data, length)) ?? string.Create(CultureInfo.InvariantCulture,
                        $"the webp data is corrupt ({NativeWebp.StatusName(status)} within the first {fed} of {length} bytes)"));
                }

                if (fed == length)
                {
                    throw StepException.Undecodable(uri, string.Create(CultureInfo.InvariantCulture,
                        $"the webp data ends before the image does ({length} bytes)"));
                }
            }
        }
        catch
        {
            mat.Dispose();
            throw;
        }
    }
}
