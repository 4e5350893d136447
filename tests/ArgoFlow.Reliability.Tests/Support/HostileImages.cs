using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>Image files a service must refuse (or, for a valid image with a huge EXIF block, process) without harm.</summary>
internal static class HostileImages
{
    public static IReadOnlyDictionary<string, byte[]> All()
    {
        var jpeg = File.ReadAllBytes(SharedData.Image("0.jpg"));
        var png = Png();
        var wrongMagic = (byte[])jpeg.Clone();
        wrongMagic[0] = 0x00;
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["zero-bytes.jpg"] = [],
            ["truncated-half.jpg"] = jpeg[..(jpeg.Length / 2)],
            ["truncated-header.jpg"] = jpeg[..20],
            ["truncated-half.png"] = png[..(png.Length / 2)],
            ["truncated-no-iend.png"] = png[..^12],
            ["wrong-magic.jpg"] = wrongMagic,
            ["png-claims-100000x100000.png"] = PngHeaderOnly(100_000, 100_000),
            ["png-claims-0x0.png"] = PngHeaderOnly(0, 0),
            ["jpeg-claims-65535x65535.jpg"] = WithJpegSize(jpeg, 65535, 65535),
            ["jpeg-claims-0x0.jpg"] = WithJpegSize(jpeg, 0, 0),
            ["text.jpg"] = "this is not an image\n"u8.ToArray(),
            ["html.png"] = "<html><body>not found</body></html>"u8.ToArray(),
            ["gif.jpg"] = "GIF89a\x01\x00\x01\x00\x00\x00\x00;"u8.ToArray(),
            ["riff-not-webp.webp"] = "RIFF\x10\x00\x00\x00WAVEfmt "u8.ToArray(),
            ["webp-claims-huge-length.webp"] = "RIFF\xff\xff\xff\x7fWEBPVP8 "u8.ToArray(),
            ["soi-only.jpg"] = [0xFF, 0xD8],
            ["soi-eoi.jpg"] = [0xFF, 0xD8, 0xFF, 0xD9],
            ["random.png"] = Random(4096, 1),
            ["random.jpg"] = Random(1 << 20, 2),
        };
    }

    /// <summary>A valid JPEG preceded by 128 APP1 (EXIF) segments of 64 KiB each: about 8 MB of metadata.</summary>
    public static byte[] HugeExif()
    {
        var jpeg = File.ReadAllBytes(SharedData.Image("0.jpg"));
        using var output = new MemoryStream();
        output.Write(jpeg, 0, 2);
        var payload = new byte[65533];
        "Exif\0\0"u8.CopyTo(payload);
        for (var i = 0; i < 128; i++)
        {
            output.Write([0xFF, 0xE1, 0xFF, 0xFF]);
            output.Write(payload);
        }

        output.Write(jpeg, 2, jpeg.Length - 2);
        return output.ToArray();
    }

    public static byte[] Png()
    {
        using var mat = Cv2.ImRead(SharedData.Image("0.jpg"));
        return mat.ImEncode(".png");
    }

    private static byte[] PngHeaderOnly(uint width, uint height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        Chunk(output, "IHDR", ihdr);
        Chunk(output, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        output.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Rewrites the height and width of the first SOF marker.</summary>
    private static byte[] WithJpegSize(byte[] jpeg, ushort width, ushort height)
    {
        var copy = (byte[])jpeg.Clone();
        for (var i = 2; i + 8 < copy.Length; i++)
        {
            if (copy[i] == 0xFF && copy[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), height);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), width);
                return copy;
            }
        }

        throw new InvalidOperationException("no SOF marker");
    }

    private static byte[] Random(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
