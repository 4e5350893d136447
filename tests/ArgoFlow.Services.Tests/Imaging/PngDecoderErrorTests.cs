using System.Buffers.Binary;
using System.IO.Compression;
using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Imaging;
using OpenCvSharp;
using static ArgoFlow.Services.Tests.Imaging.PngTestWriter;

namespace ArgoFlow.Services.Tests.Imaging;

/// <summary>
/// Broken PNGs: the cancellable decoder refuses exactly what OpenCV (libpng) refuses, as undecodable with a message
/// naming the fault, and decodes what OpenCV decodes to the same bytes. Never another exception.
/// </summary>
public sealed class PngDecoderErrorTests
{
    private const int Width = 40;
    private const int Height = 30;
    private static readonly ImageLimits Limits = new();

    public static TheoryData<string, string?> Cases() => new()
    {
        { "IDAT CRC", "the IDAT chunk at byte" },
        { "IEND CRC", null }, // libpng reads IEND's CRC as an ancillary chunk's
        { "ancillary CRC", null },
        { "data cut short", "the PNG image data ends in row" },
        { "empty zlib stream", "the PNG image data ends in row 0 of 30" },
        { "filter 5", "row 3 has filter type 5" },
        { "no IDAT", "no IDAT chunk" },
        { "palette without PLTE", "no PLTE chunk" },
        { "PLTE of 7 bytes", "the PLTE chunk has 7 bytes" },
        { "too many rows", null },
        { "garbage after the zlib stream", null },
        { "bad Adler-32", "the PNG image data is corrupt" },
        { "bad Adler-32 in an IDAT of its own", null }, // libpng only warns once the rows are read
        { "deflate data broken", "the PNG image data is corrupt" },
        { "unknown critical chunk", "an unknown critical chunk ABCD" },
        { "unknown ancillary chunk", null },
        { "bit depth 3", "colour type 2 with bit depth 3" },
        { "interlace 2", "interlace 2" },
        { "1000001 wide", "libpng reads 1 to 1000000 pixels a side" },
        { "bKGD of 3 bytes", "the bKGD chunk has 3 bytes" },
        { "IHDR of 14 bytes", "must be a 13-byte IHDR" },
        { "IHDR after IDAT", "a second IHDR chunk" },
        { "chunk past the end", "claims 100000 bytes, past the end" },
        { "tEXt of 8000001 bytes after the image data", null },
        { "IDAT of 8000001 bytes for a small image", null },
        { "zTXt of 8000001 bytes before the image data", "the zTXt chunk has 8000001 bytes, more than the 8000000 OpenCV reads" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_broken_png_is_refused_or_decoded_exactly_as_OpenCV_does(string fault, string? message)
    {
        var data = Broken(fault);

        var (openCv, decoder) = Outcomes(data, fault);

        if (message is null)
        {
            Assert.Null(openCv);
            Assert.Null(decoder);
        }
        else
        {
            Assert.Equal(StepFailure.Undecodable, Assert.IsType<StepException>(openCv).Failure);
            var refused = Assert.IsType<StepException>(decoder);
            Assert.Equal(StepFailure.Undecodable, refused.Failure);
            Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Image_data_split_by_another_chunk_and_animated_pngs_are_left_to_OpenCV()
    {
        var zlib = Zlib(Filtered(Width, Height, 8, 2, false, -1, new Random(3)), CompressionLevel.Fastest);
        var split = File([Header(2), Chunk("IDAT", zlib.AsSpan(0, 100)), Chunk("tEXt", "a\0b"u8), Chunk("IDAT", zlib.AsSpan(100)), End()]);
        byte[] actl = [0, 0, 0, 1, 0, 0, 0, 0];
        var animated = File([Header(2), Chunk("acTL", actl), Chunk("IDAT", zlib), End()]);

        Assert.Null(PngDecoder.TryDecode(split, "split.png", CancellationToken.None));
        Assert.Null(PngDecoder.TryDecode(animated, "animated.png", CancellationToken.None));
        Outcomes(split, "split");
        Outcomes(animated, "animated");
    }

    [Theory]
    [InlineData(2, 8, false, 1)]
    [InlineData(3, 4, false, 2)]
    [InlineData(0, 16, true, 3)]
    [InlineData(6, 8, true, 4)]
    public void Random_damage_gives_OpenCVs_outcome_and_never_another_exception(int colorType, int depth, bool interlaced, int seed)
    {
        var good = Png(37, 23, depth, colorType, interlaced, seed: seed, idatSize: 300);
        var random = new Random(seed);
        var idat = good.AsSpan().IndexOf("IDAT"u8) + 4;
        for (var i = 0; i < 150; i++)
        {
            var data = (byte[])good.Clone();
            // Half the time inside the compressed data with the chunk's CRC mended, so zlib and the filters see the damage.
            var mendCrc = i % 2 == 0;
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                var at = mendCrc ? idat + random.Next(Math.Min(300, data.Length - idat - 16)) : random.Next(33, data.Length);
                data[at] ^= (byte)random.Next(1, 256);
            }

            if (mendCrc)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(idat - 8));
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(idat + length), PngCrc.Finish(PngCrc.Update(0xFFFFFFFF, data.AsSpan(idat - 4, length + 4))));
            }

            Outcomes(data, $"seed {seed} case {i}");
        }
    }

    /// <summary>
    /// What OpenCV's decode and the cancellable one threw (null when they decoded); when both decoded, their pixels
    /// are the same. Anything but a <see cref="StepException"/> fails the test.
    /// </summary>
    private static (StepException? OpenCv, StepException? Decoder) Outcomes(byte[] data, string what)
    {
        using var cancellation = new CancellationTokenSource();
        var (expected, openCv) = Run(() => ImageCodec.Decode(data, Limits, "in.png"));
        var (actual, decoder) = Run(() => ImageCodec.Decode(data, Limits, "in.png", null, out _, cancellation.Token));
        using (expected)
        using (actual)
        {
            Assert.True((openCv is null) == (decoder is null), $"{what}: OpenCV: {openCv?.Message ?? "decoded"}; PngDecoder: {decoder?.Message ?? "decoded"}");
            if (expected is not null)
            {
                PngDecoderTests.AssertSameBytes(expected, actual, what);
            }
        }

        return (openCv, decoder);
    }

    private static (Mat? Image, StepException? Refusal) Run(Func<Mat> decode)
    {
        try
        {
            return (decode(), null);
        }
        catch (StepException ex)
        {
            return (null, ex);
        }
    }

    private static byte[] Broken(string fault)
    {
        var random = new Random(11);
        var rows = Filtered(Width, Height, 8, 2, false, -1, random);
        var zlib = Zlib(rows, CompressionLevel.Optimal);
        byte[] Image(byte[] idat, params byte[][] before) => File([Header(2), .. before, Chunk("IDAT", idat), End()]);
        byte[] Flip(byte[] data, int at)
        {
            data[at] ^= 0x5A;
            return data;
        }

        switch (fault)
        {
            case "IDAT CRC":
                return Flip(Image(zlib), 8 + 25 + 8 + zlib.Length + 1);
            case "IEND CRC":
                var iend = Image(zlib);
                return Flip(iend, iend.Length - 2);
            case "ancillary CRC":
                return Image(zlib, Flip(Chunk("tEXt", "Comment\0hello"u8), 10));
            case "data cut short":
                return Image(zlib[..(zlib.Length / 2)]);
            case "empty zlib stream":
                return Image(Zlib([], CompressionLevel.Optimal));
            case "filter 5":
                rows[3 * ((Width * 3) + 1)] = 5;
                return Image(Zlib(rows, CompressionLevel.Optimal));
            case "no IDAT":
                return File([Header(2), End()]);
            case "palette without PLTE":
                return File([Header(3), Chunk("IDAT", Zlib(Filtered(Width, Height, 8, 3, false, 0, random, 4), CompressionLevel.Optimal)), End()]);
            case "PLTE of 7 bytes":
                return File([Header(3), Chunk("PLTE", new byte[7]), Chunk("IDAT", Zlib(Filtered(Width, Height, 8, 3, false, 0, random, 2), CompressionLevel.Optimal)), End()]);
            case "too many rows":
                return Image(Zlib([.. rows, .. Filtered(Width, 3, 8, 2, false, 1, random)], CompressionLevel.Optimal));
            case "garbage after the zlib stream":
                return Image([.. zlib, .. Enumerable.Repeat((byte)0xA7, 100)]);
            case "bad Adler-32":
                return Image(Flip(zlib, zlib.Length - 1));
            case "bad Adler-32 in an IDAT of its own":
                Flip(zlib, zlib.Length - 1);
                return File([Header(2), Chunk("IDAT", zlib.AsSpan(0, zlib.Length - 4)), Chunk("IDAT", zlib.AsSpan(zlib.Length - 4)), End()]);
            case "deflate data broken":
                return Image(Flip(Zlib(rows, CompressionLevel.NoCompression), 2)); // a stored block's length no longer matches its complement
            case "unknown critical chunk":
                return Image(zlib, Chunk("ABCD", [1, 2, 3]));
            case "unknown ancillary chunk":
                return Image(zlib, Chunk("abCD", [1, 2, 3]));
            case "bit depth 3":
                return File([Chunk("IHDR", Ihdr(Width, Height, 3, 2, 0)), Chunk("IDAT", zlib), End()]);
            case "interlace 2":
                return File([Chunk("IHDR", Ihdr(Width, Height, 8, 2, 2)), Chunk("IDAT", zlib), End()]);
            case "1000001 wide":
                return File([Chunk("IHDR", Ihdr(1_000_001, 1, 1, 0, 0)), Chunk("IDAT", Zlib(new byte[125_002], CompressionLevel.Optimal)), End()]);
            case "bKGD of 3 bytes":
                return Image(zlib, Chunk("bKGD", [1, 2, 3]));
            case "IHDR of 14 bytes":
                return File([Chunk("IHDR", [.. Ihdr(Width, Height, 8, 2, 0), 0]), Chunk("IDAT", zlib), End()]);
            case "IHDR after IDAT":
                return File([Header(2), Chunk("IDAT", zlib), Header(2), End()]);
            case "tEXt of 8000001 bytes after the image data":
                return File([Header(2), Chunk("IDAT", zlib), Chunk("tEXt", new byte[8_000_001]), End()]);
            case "IDAT of 8000001 bytes for a small image":
                return Image([.. zlib, .. new byte[8_000_001 - zlib.Length]]);
            case "zTXt of 8000001 bytes before the image data":
                return Image(zlib, Chunk("zTXt", new byte[8_000_001]));
            default: // "chunk past the end": a tEXt whose length runs over the IEND
                var text = Chunk("tEXt", "a\0b"u8);
                BinaryPrimitives.WriteInt32BigEndian(text, 100_000);
                return Image(zlib, text);
        }
    }

    private static byte[] Header(int colorType) => Chunk("IHDR", Ihdr(Width, Height, 8, colorType, 0));

    private static byte[] End() => Chunk("IEND", []);
}
