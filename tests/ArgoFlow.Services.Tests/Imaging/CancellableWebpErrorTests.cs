using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Tests.Support;
using OpenCvSharp;
using static ArgoFlow.Services.Tests.Support.WebpSamples;

namespace ArgoFlow.Services.Tests.Imaging;

/// <summary>Issue 14, point 7: what the cancellable WebP decoder does with broken files - a clear error, never a crash.</summary>
public sealed class CancellableWebpErrorTests
{
    private static readonly ImageLimits Limits = new();

    [SkippableFact]
    public void Corrupt_and_truncated_webps_fail_as_undecodable_naming_the_problem()
    {
        NativeWebpCodec.RequireOrSkip();
        using var photo = Photo(640, 480);
        var lossy = OpenCvWebp(photo, 80);
        var lossless = OpenCvWebp(photo, 101);
        var badStartCode = (byte[])lossy.Clone();
        badStartCode[23] ^= 0xFF; // RIFF(12) + "VP8 " chunk header(8) + frame tag(3): the key frame's start code 9d 01 2a
        var badSignature = (byte[])lossless.Clone();
        badSignature[20] = 0; // the VP8L signature byte 0x2f
        var badPartition = (byte[])lossy.Clone();
        badPartition.AsSpan(30, 200).Fill(0xFF); // the first partition: modes and probabilities
        var cases = new (string Name, byte[] Data, string Expected)[]
        {
            ("bad-start-code.webp", badStartCode, "VP8_STATUS_BITSTREAM_ERROR"),
            ("bad-signature.webp", badSignature, "VP8_STATUS_BITSTREAM_ERROR"),
            ("bad-partition.webp", badPartition, "the webp data ends before the image does"),
            ("cut-lossy.webp", CutKeepingRiffSize(lossy), "VP8_STATUS_"),
            ("cut-lossless.webp", CutKeepingRiffSize(lossless), "VP8_STATUS_"),
        };

        foreach (var (name, data, expected) in cases)
        {
            using var cancellation = new CancellationTokenSource();
            var ours = Assert.Throws<StepException>(() => ImageCodec.Decode(data, Limits, name, null, out _, cancellation.Token));
            var openCv = Record.Exception(() => ImageCodec.Decode(data, Limits, name));

            Assert.Equal(StepFailure.Undecodable, ours.Failure);
            Assert.Contains(name, ours.Message, StringComparison.Ordinal);
            Assert.Contains(expected, ours.Message, StringComparison.Ordinal);
            Assert.True(openCv is StepException { Failure: StepFailure.Undecodable }, $"{name}: OpenCV decoded it ({openCv?.Message})");
        }
    }

    [SkippableFact]
    public void Mutated_webps_decode_as_OpenCV_decodes_them_or_fail_as_undecodable_never_crash()
    {
        NativeWebpCodec.RequireOrSkip();
        using var photo = Photo(160, 120);
        using var bgra = WithAlpha(photo);
        var sources = new[] { OpenCvWebp(photo, 80), OpenCvWebp(photo, 101), OpenCvWebp(bgra, 60), OpenCvWebp(bgra, 101) };
        var random = new Random(20261203);
        var decoded = 0;

        for (var i = 0; i < 400; i++)
        {
            var data = (byte[])sources[i % sources.Length].Clone();
            for (var changes = random.Next(1, 9); changes > 0; changes--)
            {
                // Half the changes in the first 64 bytes, where the headers are.
                data[random.Next(2) == 0 ? random.Next(12, 64) : random.Next(12, data.Length)] = (byte)random.Next(256);
            }

            using var cancellation = new CancellationTokenSource();
            var (ours, oursFailure) = Outcome(() => ImageCodec.Decode(data, Limits, "fuzz.webp", null, out _, cancellation.Token));
            var (openCv, openCvFailure) = Outcome(() => ImageCodec.Decode(data, Limits, "fuzz.webp"));
            using (ours)
            using (openCv)
            {
                Assert.True(ours is not null || oursFailure is StepException { Failure: StepFailure.Undecodable or StepFailure.TooLarge },
                    $"mutation {i}: {oursFailure}");
                // The one known difference: libwebp's one-shot decoder (OpenCV's) reads a lossless image past the end
                // its chunk declares, the incremental one stops there - such a file is refused, naming the chunk.
                var shortChunk = oursFailure?.Message.Contains("the VP8L chunk declares", StringComparison.Ordinal) == true;
                Assert.True(ours is null == openCv is null || (shortChunk && openCv is not null),
                    $"mutation {i}: ours {oursFailure?.Message ?? "decoded"}, OpenCV {openCvFailure?.Message ?? "decoded"}");
                if (ours is not null && openCv is not null)
                {
                    Assert.True(Differing(openCv, ours) == 0, $"mutation {i}: the pixels differ from OpenCV's decode");
                    decoded++;
                }
            }
        }

        Assert.InRange(decoded, 1, 399); // some mutations still decode, others do not
    }

    private static (Mat? Image, Exception? Failure) Outcome(Func<Mat> decode)
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
}
