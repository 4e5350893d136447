using System.Buffers.Binary;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// Reads an image's format and dimensions from its header bytes without decoding, so a decompression bomb
/// (a tiny file that claims 50,000 x 50,000 pixels) is refused before OpenCV allocates anything.
/// </summary>
public readonly record struct ImageHeader(string Format, int Width, int Height, bool Complete)
{
    public long Pixels => (long)Width * Height;

    /// <summary>The header, or null when the bytes are not a JPEG, PNG or WebP whose size can be read.</summary>
    public static ImageHeader? TryRead(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 24 && data[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && data.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            var complete = data[Math.Max(0, data.Length - 32)..].IndexOf("IEND"u8) >= 0;
            return new("png", (int)BinaryPrimitives.ReadUInt32BigEndian(data[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(data[20..]), complete);
        }

        if (data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8)
        {
            return ReadJpeg(data);
        }

        if (data.Length >= 30 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ReadWebp(data);
        }

        return null;
    }

    /// <summary>
    /// The EXIF orientation of a JPEG (1 = upright, 2-8 = mirrored or rotated, as OpenCV applies them when
    /// decoding): 1 when there is no EXIF block or no orientation tag, 0 when the EXIF block cannot be read.
    /// </summary>
    public static int JpegOrientation(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length && data[i] == 0xFF)
        {
            var marker = data[i + 1];
            if (marker is 0xDA or 0xD9)
            {
                return 1; // the scan starts: EXIF comes before it or not at all
            }

            if (marker is 0xFF or 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            if (length < 2 || i + 2 + length > data.Length)
            {
                return 0;
            }

            var segment = data.Slice(i + 4, length - 2);
            if (marker == 0xE1 && segment.Length >= 6 && segment[..6].SequenceEqual("Exif\0\0"u8))
            {
                return ExifOrientation(segment[6..]);
            }

            i += 2 + length;
        }

        return 1;
    }

    private static int ExifOrientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return 0;
        }

        bool little;
        if (tiff[0] == 'I' && tiff[1] == 'I')
        {
            little = true;
        }
        else if (tiff[0] == 'M' && tiff[1] == 'M')
        {
            little = false;
        }
        else
        {
            return 0;
        }

        var ifd = U32(tiff, 4, little);
        if (U16(tiff, 2, little) != 42 || ifd > (uint)(tiff.Length - 2))
        {
            return 0;
        }

        var count = U16(tiff, (int)ifd, little);
        for (var e = 0; e < count; e++)
        {
            var entry = (int)ifd + 2 + (12 * e);
            if (entry + 12 > tiff.Length)
            {
                return 0;
            }

            if (U16(tiff, entry, little) == 0x0112)
            {
                var value = U16(tiff, entry + 8, little);
                return value is >= 1 and <= 8 ? value : 0;
            }
        }

        return 1;
    }

    private static uint U32(ReadOnlySpan<byte> data, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(data[at..]) : BinaryPrimitives.ReadUInt32BigEndian(data[at..]);

    private static int U16(ReadOnlySpan<byte> data, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(data[at..]) : BinaryPrimitives.ReadUInt16BigEndian(data[at..]);

    private static ImageHeader? ReadJpeg(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF)
            {
                return null;
            }

            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            // SOF0-SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (i + 9 > data.Length)
                {
                    return null;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]);
                // Entropy-coded data stuffs every 0xFF with 0x00, so FF D9 after the frame header is the end marker:
                // without it the file was cut short (libjpeg would fill the rest with grey and call it success).
                var complete = data[(i + 2)..].LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0;
                return new("jpeg", width, height, complete);
            }

            i += 2 + length;
        }

        return null;
    }

    private static ImageHeader? ReadWebp(ReadOnlySpan<byte> data)
    {
        var complete = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) + 8L <= data.Length;
        var chunk = data.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var w = 1 + (data[24] | (data[25] << 8) | (data[26] << 16));
            var h = 1 + (data[27] | (data[28] << 8) | (data[29] << 16));
            return new("webp", w, h, complete);
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            return new("webp", BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF, complete);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return new("webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1, complete);
        }

        return null;
    }
}
