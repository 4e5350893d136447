using System.Diagnostics;
using ArgoFlow.Services.Imaging;
using OpenCvSharp;

namespace ArgoFlow.Services.Filter;

/// <summary>A streamed filter's output: the encoded JPEG, its size, and the time of each (overlapping) stage.</summary>
public sealed record StreamedFilterResult(byte[] Bytes, int Width, int Height, double DecodeMs, double ProcessMs, double EncodeMs);

/// <summary>
/// JPEG in, Gaussian blur, JPEG out, with decode, blur and encode overlapped. OpenCV decodes a whole image before
/// anything else can start, and decoding a baseline JPEG is sequential (its entropy-coded data has no restart
/// points), so on two cores the second one idles for half the call. Here one thread decodes row by row
/// (<see cref="NativeJpeg"/>); as soon as the rows under a 64-row strip are there, another thread blurs the strip
/// and encodes it as one piece of a restart-marked JPEG (<see cref="StripJpegEncoder"/>). When the decoder is
/// done it joins in on the strips left. The pixels and bytes are the same as decode, <see cref="ImageFilters"/>
/// and <see cref="ImageCodec.Encode"/> one after the other (tested); only the order of the work changes.
/// </summary>
/// <remarks>
/// Taken for gaussianBlur with kernel 3 or 5 and sigma 0 (<see cref="BinomialBlur"/>) from a JPEG of a megapixel
/// or more, with no EXIF rotation, to a JPEG. Anything else, or a build without libargoflow_jpeg, returns null
/// and the caller takes the usual path. Because the stages overlap, the decode time reported is the decoder's
/// own; the time after it until the last strip is encoded is split between process and encode in proportion to
/// the CPU time each took.
/// </remarks>
public static class StreamedJpegFilter
{
    /// <summary>Rows per strip: four MCU rows of a 4:2:0 JPEG.</summary>
    internal const int StripRows = 64;

    private const int McuSize = 16;

    /// <summary>Whether libargoflow_jpeg is there (see <see cref="NativeJpeg"/>) and why not.</summary>
    public static string Status => NativeJpeg.Status;

    /// <summary>Whether this filter and output format can take the streamed path (the input is checked by <see cref="TryRun"/>).</summary>
    public static bool Handles(FilterSettings settings, string format)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return format == "jpeg" && settings.Operation == "gaussianBlur" && settings.KernelSize is 3 or 5 &&
            settings.Sigma == 0 && NativeJpeg.Available;
    }

    /// <summary>
    /// Decodes, blurs and encodes <paramref name="data"/> in one overlapped pass; null when the streamed path does
    /// not apply (then nothing was done). Bad input fails as <see cref="ImageCodec.Decode(ReadOnlySpan{byte}, ImageLimits, string)"/> fails.
    /// </summary>
    public static StreamedFilterResult? TryRun(ReadOnlySpan<byte> data, ImageLimits limits, string uri, FilterSettings settings, string format, int quality, CancellationToken cancellationToken = default)
    {
        if (!Handles(settings, format))
        {
            return null;
        }

        return RowStream.TryStart(data, limits, uri,
            header => header.Width >= McuSize && header.Height >= McuSize ? 1 : null,
            input => Run(input.Decoder, uri, input.Start, input.Width, input.Height, settings.KernelSize, quality, cancellationToken));
    }

    private static StreamedFilterResult Run(NativeJpeg.Decoder decoder, string uri, long start, int width, int height, int kernel, int quality,
        CancellationToken cancellationToken)
    {
        var parameters = StripJpegEncoder.Parameters(quality);
        var strips = (height + StripRows - 1) / StripRows;
        var pieces = new byte[strips][];
        using var output = new Mat(height, width, MatType.CV_8UC3);
        void Strip(RowStream stream, int strip)
        {
            var top = strip * StripRows;
            var bottom = Math.Min(height, top + StripRows);
            var begin = Stopwatch.GetTimestamp();
            BinomialBlur.ApplyRows(stream.Source, output, kernel, top, bottom);
            var blurred = Stopwatch.GetTimestamp();
            using (var rows = output.RowRange(top, bottom))
            {
                pieces[strip] = StripJpegEncoder.Single(rows, parameters);
            }

            stream.AddProcess(blurred - begin);
            stream.AddEncode(Stopwatch.GetTimestamp() - blurred);
        }

        // A strip's blur reads kernel / 2 rows below it.
        using (var stream = new RowStream(width, height, strips, s => ((s + 1) * StripRows) + (kernel / 2), Strip))
        {
            var (decodeMs, processMs, tailMs) = stream.Run(decoder, uri, start, cancellationToken);
            var joinStart = Stopwatch.GetTimestamp();
            var mcuColumns = (width + McuSize - 1) / McuSize;
            var bytes = StripJpegEncoder.Join(pieces, height, StripRows / McuSize * mcuColumns)
                ?? StripJpegEncoder.Encode(output, quality, Environment.ProcessorCount, cancellationToken);
            var encodeMs = tailMs - processMs + Stopwatch.GetElapsedTime(joinStart).TotalMilliseconds;
            return new StreamedFilterResult(bytes, width, height, decodeMs, processMs, encodeMs);
        }
    }
}
