using System.Diagnostics;
using ArgoFlow.Services.Imaging;
using OpenCvSharp;

namespace ArgoFlow.Services.Resize;

/// <summary>A streamed resize's output: the encoded image, its size, the source's size and the time of each (overlapping) stage.</summary>
public sealed record StreamedResizeResult(byte[] Bytes, int Width, int Height, int SourceWidth, int SourceHeight,
    double DecodeMs, double ProcessMs, double EncodeMs);

/// <summary>
/// A JPEG shrunk with INTER_AREA, with the shrink (and, for a JPEG output, the encode) overlapped with the decode:
/// the decoder reads the JPEG at the reduced DCT scale <see cref="Resizer.ReductionFor"/> picks, row by row
/// (<see cref="RowStream"/>); as soon as the rows under 32 destination rows are there, another thread shrinks
/// them (<see cref="AreaShrink.ApplyRows"/>) and encodes them as one piece of a restart-marked JPEG
/// (<see cref="StripJpegEncoder"/>). The pixels are those of <see cref="Resizer.Resize"/> after a reduced decode
/// (tested); only the order of the work changes.
/// </summary>
/// <remarks>
/// Taken for an area resize of a JPEG of a megapixel or more with no EXIF rotation, when <see cref="AreaShrink"/>
/// handles the factor left after the reduced decode. A "fill" crop or a PNG/WebP output is shrunk as the rows
/// arrive and encoded at the end. Anything else, or a build without libargoflow_jpeg, returns null and the caller
/// takes the usual path.
/// </remarks>
public static class StreamedJpegResize
{
    /// <summary>Destination rows per strip: two MCU rows of a 4:2:0 JPEG.</summary>
    internal const int StripRows = 32;

    private const int McuSize = 16;

    /// <summary>Shrinks and encodes <paramref name="data"/> in one overlapped pass; null when the streamed path does not apply.</summary>
    public static StreamedResizeResult? TryRun(ReadOnlySpan<byte> data, ImageLimits limits, string uri, ResizeSettings settings, string format, int quality, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Resizer.Interpolation(settings.Interpolation) != InterpolationFlags.Area)
        {
            return null;
        }

        return RowStream.TryStart(data, limits, uri, header =>
        {
            var reduction = Resizer.ReductionFor(header.Width, header.Height, settings);
            var scaled = Resizer.Plan(header.Width, header.Height, settings).Scaled;
            return AreaShrink.Supports((header.Width + reduction - 1) / reduction, (header.Height + reduction - 1) / reduction, scaled) ? reduction : null;
        }, input =>
        {
            var (output, scaled) = Resizer.Plan(input.Header.Width, input.Header.Height, settings);
            var (bytes, decodeMs, processMs, encodeMs) = Run(input.Decoder, uri, input.Start, input.Width, input.Height, scaled, output, format, quality, cancellationToken);
            return new StreamedResizeResult(bytes, output.Width, output.Height, input.Header.Width, input.Header.Height, decodeMs, processMs, encodeMs);
        });
    }

    private static (byte[] Bytes, double DecodeMs, double ProcessMs, double EncodeMs) Run(NativeJpeg.Decoder decoder, string uri, long start,
        int width, int height, Size scaled, Size output, string format, int quality, CancellationToken cancellationToken)
    {
        // A JPEG without a crop is encoded strip by strip as the strips are shrunk; anything else at the end.
        var cropped = scaled != output;
        var inStrips = format == "jpeg" && !cropped && scaled.Height >= 2 * StripRows;
        var parameters = StripJpegEncoder.Parameters(quality);
        var strips = (scaled.Height + StripRows - 1) / StripRows;
        var pieces = new byte[strips][];
        using var shrunk = new Mat(scaled, MatType.CV_8UC3);
        void Strip(RowStream stream, int strip)
        {
            var top = strip * StripRows;
            var bottom = Math.Min(scaled.Height, top + StripRows);
            var begin = Stopwatch.GetTimestamp();
            AreaShrink.ApplyRows(stream.Source, shrunk, scaled, top, bottom);
            stream.AddProcess(Stopwatch.GetTimestamp() - begin);
            if (inStrips)
            {
                begin = Stopwatch.GetTimestamp();
                using (var rows = shrunk.RowRange(top, bottom))
                {
                    pieces[strip] = StripJpegEncoder.Single(rows, parameters);
                }

                stream.AddEncode(Stopwatch.GetTimestamp() - begin);
            }
        }

        int Needed(int strip) => AreaShrink.SourceRowsFor(height, scaled.Height, Math.Min(scaled.Height, (strip + 1) * StripRows));
        using var stream = new RowStream(width, height, strips, Needed, Strip);
        var (decodeMs, processMs, tailMs) = stream.Run(decoder, uri, start, cancellationToken);
        var encodeMs = tailMs - processMs;
        cancellationToken.ThrowIfCancellationRequested();
        var finish = Stopwatch.GetTimestamp();
        var bytes = inStrips ? StripJpegEncoder.Join(pieces, scaled.Height, StripRows / McuSize * ((scaled.Width + McuSize - 1) / McuSize)) : null;
        if (bytes is null && cropped)
        {
            // Resizer's centre crop of the scaled image.
            using var view = new Mat(shrunk, new Rect((scaled.Width - output.Width) / 2, (scaled.Height - output.Height) / 2, output.Width, output.Height));
            using var crop = view.Clone();
            processMs += Stopwatch.GetElapsedTime(finish).TotalMilliseconds;
            finish = Stopwatch.GetTimestamp();
            bytes = ImageCodec.Encode(crop, format, quality, cancellationToken);
        }

        bytes ??= ImageCodec.Encode(shrunk, format, quality, cancellationToken);
        encodeMs += Stopwatch.GetElapsedTime(finish).TotalMilliseconds;
        return (bytes, decodeMs, processMs, encodeMs);
    }
}
