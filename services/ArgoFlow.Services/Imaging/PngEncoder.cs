using System.Buffers.Binary;
using System.IO.Compression;
using OpenCvSharp;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// Writes an 8-bit PNG (grayscale, RGB from BGR, RGBA from BGRA) in bands of rows, checking the call's cancellation
/// between bands. OpenCV's encoder is one native call that cannot be interrupted: a 6000x4500 PNG kept a core busy
/// for about a second after its caller had gone. The encoding matches what ArgoFlow asked libpng for: every row
/// Paeth-filtered, zlib level 1 with run-length matching (sizes and times in docs/services.md).
/// </summary>
internal static unsafe class PngEncoder
{
    /// <summary>About this many filtered bytes go to zlib between two looks at the token (a few ms of work).</summary>
    private const int BandBytes = 1 << 20;

    private const byte PaethFilter = 4;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>True for the Mats this encoder writes: 8-bit with 1, 3 or 4 channels.</summary>
    public static bool CanEncode(Mat image) =>
        image.Depth() == MatType.CV_8U && image.Channels() is 1 or 3 or 4 && image.Rows > 0 && image.Cols > 0;

    /// <summary>The PNG file of <paramref name="image"/>; throws <see cref="OperationCanceledException"/> between bands.</summary>
    public static byte[] Encode(Mat image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!CanEncode(image))
        {
            throw new ArgumentException($"not an 8-bit image of 1, 3 or 4 channels: {image.Type()}", nameof(image));
        }

        int width = image.Cols, height = image.Rows, channels = image.Channels();
        var stride = checked(width * channels);
        using var output = new MemoryStream();
        output.Write(Signature);
        WriteChunk(output, "IHDR"u8, Header(width, height, channels));

        // One IDAT chunk whose length is filled in at the end: zlib writes straight into the file, no second copy.
        var idatStart = output.Position;
        output.Write([0, 0, 0, 0, (byte)'I', (byte)'D', (byte)'A', (byte)'T']);
        var options = new ZLibCompressionOptions { CompressionLevel = 1, CompressionStrategy = ZLibCompressionStrategy.RunLengthEncoding };
        using (var zlib = new ZLibStream(output, options, leaveOpen: true))
        {
            var bandRows = Math.Max(1, BandBytes / (stride + 1));
            var band = new byte[Math.Min(bandRows, height) * (stride + 1)];
            var previous = new byte[stride]; // the row above the first is zeros (PNG's rule)
            using var ordered = new Mat();
            for (var top = 0; top < height; top += bandRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rows = Math.Min(bandRows, height - top);
                using var source = image.RowRange(top, top + rows);
                ToPngOrder(source, ordered, channels);
                for (var r = 0; r < rows; r++)
                {
                    var current = new ReadOnlySpan<byte>((void*)ordered.Ptr(r), stride);
                    var filtered = band.AsSpan(r * (stride + 1), stride + 1);
                    filtered[0] = PaethFilter;
                    PngPaeth.Filter(current, previous, channels, filtered[1..]);
                    current.CopyTo(previous);
                }

                zlib.Write(band, 0, rows * (stride + 1));
            }
        }

        var dataLength = output.Length - idatStart - 8;
        if (dataLength > int.MaxValue)
        {
            throw new InvalidOperationException($"a {width}x{height} PNG compresses to more than a chunk can hold");
        }

        var buffer = output.GetBuffer();
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan((int)idatStart, 4), (int)dataLength);
        var crc = PngCrc.Finish(PngCrc.Update(0xFFFFFFFF, buffer.AsSpan((int)idatStart + 4, (int)dataLength + 4)));
        Span<byte> crcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        output.Position = output.Length;
        output.Write(crcBytes);
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static byte[] Header(int width, int height, int channels)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = channels switch { 1 => 0, 3 => 2, _ => 6 }; // grayscale, RGB, RGBA
        // compression 0 (deflate), filter method 0 (adaptive per row), no interlace: already zero
        return header;
    }

    /// <summary>OpenCV keeps colour as BGR(A); PNG wants RGB(A). One native call per band, so it stays interruptible.</summary>
    private static void ToPngOrder(Mat band, Mat ordered, int channels)
    {
        switch (channels)
        {
            case 1:
                band.CopyTo(ordered);
                break;
            case 3:
                Cv2.CvtColor(band, ordered, ColorConversionCodes.BGR2RGB);
                break;
            default:
                Cv2.CvtColor(band, ordered, ColorConversionCodes.BGRA2RGBA);
                break;
        }
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        var crc = PngCrc.Finish(PngCrc.Update(PngCrc.Update(0xFFFFFFFF, type), data));
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }
}
