using System.Buffers.Binary;
using OpenCvSharp;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// Encodes a large image as one baseline JPEG on several cores. JPEG's entropy coding is sequential, but a restart
/// interval (the DRI marker) resets it: the image is cut into horizontal strips on MCU-row boundaries, each strip
/// is encoded on its own thread with the same quality and sampling, and their entropy-coded segments are joined
/// with RST markers under one header whose restart interval is one strip. Every decoder reads the result as a
/// single image, pixel for pixel the same as a one-thread encode (the strips are cut where the encoder's blocks
/// are cut anyway); only the entropy coder's predictions restart, which costs a few bytes.
/// </summary>
internal static class StripJpegEncoder
{
    /// <summary>Below this many pixels a single-thread encode is faster than splitting (measured: docs/benchmarks.md).</summary>
    public const int MinPixels = 1 << 20;

    /// <summary>OpenCV's IMWRITE_JPEG_SAMPLING_FACTOR (not in OpenCvSharp's enum).</summary>
    private const ImwriteFlags SamplingFactorFlag = (ImwriteFlags)7;

    /// <summary>4:2:0 chroma subsampling, libjpeg's default, asked for explicitly so the MCU height is known (16 rows).</summary>
    private const int Sampling420 = 0x221111;

    private const byte Marker = 0xFF;
    private const byte Soi = 0xD8;
    private const byte Eoi = 0xD9;
    private const byte Sos = 0xDA;
    private const byte Sof0 = 0xC0;
    private const byte Dri = 0xDD;
    private const byte Rst0 = 0xD0;

    /// <summary>The encoder parameters every JPEG ArgoFlow writes uses, strips or not.</summary>
    public static ImageEncodingParam[] Parameters(int quality) =>
        [new ImageEncodingParam(ImwriteFlags.JpegQuality, quality), new ImageEncodingParam(SamplingFactorFlag, Sampling420)];

    /// <summary>
    /// Encodes <paramref name="image"/> (8-bit, 1 or 3 channels) as a baseline JPEG: in <paramref name="strips"/>
    /// strips when the image is large enough, otherwise (or if the strips' headers disagree) in one piece.
    /// </summary>
    /// <remarks>A cancelled call stops between strips (<see cref="OperationCanceledException"/>).</remarks>
    public static byte[] Encode(Mat image, int quality, int strips, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var parameters = Parameters(quality);
        var mcuHeight = image.Channels() == 1 ? 8 : 16;
        var mcuWidth = mcuHeight;
        var mcuRows = (image.Rows + mcuHeight - 1) / mcuHeight;
        var mcuColumns = (image.Cols + mcuWidth - 1) / mcuWidth;
        strips = Math.Min(strips, mcuRows);
        if (strips < 2 || (long)image.Rows * image.Cols < MinPixels)
        {
            return Single(image, parameters);
        }

        // The restart interval is a 16-bit count of MCUs: wide images take more, thinner strips.
        var rowsPerStrip = (mcuRows + strips - 1) / strips;
        rowsPerStrip = Math.Min(rowsPerStrip, ushort.MaxValue / mcuColumns);
        if (rowsPerStrip < 1)
        {
            return Single(image, parameters); // wider than any JPEG may be: let the encoder say so
        }

        var count = (mcuRows + rowsPerStrip - 1) / rowsPerStrip;
        var pieces = new byte[count][];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = strips, CancellationToken = cancellationToken }, i =>
        {
            var top = i * rowsPerStrip * mcuHeight;
            var bottom = Math.Min(image.Rows, top + (rowsPerStrip * mcuHeight));
            using var strip = image.RowRange(top, bottom);
            pieces[i] = Single(strip, parameters);
        });

        return Join(pieces, image.Rows, rowsPerStrip * mcuColumns) ?? Single(image, parameters);
    }

    /// <summary>One strip (or a whole image) encoded on the calling thread, for <see cref="Join"/>.</summary>
    internal static byte[] Single(Mat image, ImageEncodingParam[] parameters)
    {
        Cv2.ImEncode(".jpg", image, out var bytes, parameters);
        return bytes;
    }

    /// <summary>
    /// One JPEG from the strips: the first strip's header with the full height and a DRI segment, then every
    /// strip's entropy-coded data separated by RST0..RST7 in turn. Null when the strips are not plain baseline
    /// JPEGs with identical tables (then joining them would be wrong).
    /// </summary>
    internal static byte[]? Join(byte[][] pieces, int height, int restartInterval)
    {
        var parts = new (int HeaderEnd, int SofAt, int DataStart, int DataEnd)[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (Parse(pieces[i]) is not { } part)
            {
                return null;
            }

            parts[i] = part;
        }

        // Same header segments (tables, sampling, width) in every strip, apart from the SOF height field.
        var first = pieces[0];
        var headerLength = parts[0].DataStart;
        for (var i = 1; i < pieces.Length; i++)
        {
            if (parts[i].DataStart != headerLength || parts[i].SofAt != parts[0].SofAt ||
                !SameExceptHeight(first.AsSpan(0, headerLength), pieces[i].AsSpan(0, headerLength), parts[0].SofAt))
            {
                return null;
            }
        }

        var dataLength = parts.Sum(p => p.DataEnd - p.DataStart);
        var output = new byte[headerLength + 6 + dataLength + (2 * (pieces.Length - 1)) + 2];
        var sosAt = parts[0].HeaderEnd;
        first.AsSpan(0, sosAt).CopyTo(output);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(parts[0].SofAt + 5), checked((ushort)height));
        var at = sosAt;
        output[at++] = Marker;
        output[at++] = Dri;
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(at), 4);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(at + 2), checked((ushort)restartInterval));
        at += 4;
        first.AsSpan(sosAt, headerLength - sosAt).CopyTo(output.AsSpan(at));
        at += headerLength - sosAt;
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                output[at++] = Marker;
                output[at++] = (byte)(Rst0 + ((i - 1) % 8));
            }

            var data = pieces[i].AsSpan(parts[i].DataStart, parts[i].DataEnd - parts[i].DataStart);
            data.CopyTo(output.AsSpan(at));
            at += data.Length;
        }

        output[at++] = Marker;
        output[at++] = Eoi;
        return output;
    }

    /// <summary>
    /// Where the SOS segment starts (HeaderEnd), where the SOF0 segment's marker is, and the entropy-coded data
    /// between the SOS header and the final EOI. Null for anything but a single-scan baseline JPEG with no DRI.
    /// </summary>
    private static (int HeaderEnd, int SofAt, int DataStart, int DataEnd)? Parse(byte[] jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != Marker || jpeg[1] != Soi || jpeg[^2] != Marker || jpeg[^1] != Eoi)
        {
            return null;
        }

        var sofAt = -1;
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != Marker)
            {
                return null;
            }

            var marker = jpeg[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            if (marker == Sos)
            {
                var dataStart = at + 2 + length;
                return sofAt < 0 || dataStart > jpeg.Length - 2 ? null : (at, sofAt, dataStart, jpeg.Length - 2);
            }

            if (marker == Dri || marker is > Sof0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return null; // already has restarts, or not baseline (progressive, arithmetic, lossless...)
            }

            if (marker == Sof0)
            {
                sofAt = at;
            }

            at += 2 + length;
        }

        return null;
    }

    private static bool SameExceptHeight(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int sofAt)
    {
        // SOF0: FF C0, length (2), precision (1), height (2), width (2), ...
        var height = sofAt + 5;
        return a[..height].SequenceEqual(b[..height]) && a[(height + 2)..].SequenceEqual(b[(height + 2)..]);
    }
}
