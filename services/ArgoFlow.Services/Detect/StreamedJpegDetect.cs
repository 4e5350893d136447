using System.Buffers;
using System.Diagnostics;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Resize;
using OpenCvSharp;

namespace ArgoFlow.Services.Detect;

/// <summary>A streamed detection: what was found, the source's full size, and the time of each (overlapping) stage.</summary>
public sealed record StreamedDetectResult(IReadOnlyList<DetectedObject> Found, int SourceWidth, int SourceHeight, double DecodeMs, double ProcessMs);

/// <summary>
/// Detection on a JPEG with the model's input prepared while the image decodes: the decoder reads the JPEG at the
/// reduced DCT scale <see cref="DetectionModel.ReductionFor"/> picks, row by row (<see cref="RowStream"/>); as soon
/// as the rows under 32 rows of the model's input are there, another thread shrinks them to the input size
/// (<see cref="AreaShrink.ApplyRows"/>) and writes them into the tensor. Inference starts once the last strip is
/// in. The tensor, and so the detections, are those of <see cref="DetectionModel.Detect"/> after a reduced decode
/// (tested).
/// </summary>
/// <remarks>
/// Taken for a model whose input is a plain area resize (FastestDet), a JPEG of a megapixel or more with no EXIF
/// rotation, no annotated copy asked for, and a factor <see cref="AreaShrink"/> handles; otherwise null.
/// </remarks>
public static class StreamedJpegDetect
{
    /// <summary>Rows of the model's input per strip.</summary>
    internal const int StripRows = 32;

    public static StreamedDetectResult? TryRun(ReadOnlySpan<byte> data, ImageLimits limits, string uri, DetectionModel model, DetectSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.TakesPlainAreaResize)
        {
            return null;
        }

        var input = new Size(model.InputWidth, model.InputHeight);
        return RowStream.TryStart(data, limits, uri, header =>
        {
            var reduction = model.ReductionFor(header.Width, header.Height);
            return AreaShrink.Supports((header.Width + reduction - 1) / reduction, (header.Height + reduction - 1) / reduction, input) ? reduction : null;
        }, decode => Run(decode, uri, model, settings, input, cancellationToken));
    }

    private static StreamedDetectResult Run(StreamedInput decode, string uri, DetectionModel model, DetectSettings settings, Size input,
        CancellationToken cancellationToken)
    {
        var tensor = ArrayPool<float>.Shared.Rent(3 * input.Width * input.Height);
        try
        {
            using var shrunk = new Mat(input, MatType.CV_8UC3);
            void Strip(RowStream stream, int strip)
            {
                var top = strip * StripRows;
                var bottom = Math.Min(input.Height, top + StripRows);
                var begin = Stopwatch.GetTimestamp();
                AreaShrink.ApplyRows(stream.Source, shrunk, input, top, bottom);
                TensorFill.FromBgrRows(shrunk, tensor, top, bottom, swapToRgb: false);
                stream.AddProcess(Stopwatch.GetTimestamp() - begin);
            }

            int Needed(int strip) => AreaShrink.SourceRowsFor(decode.Height, input.Height, Math.Min(input.Height, (strip + 1) * StripRows));
            using var stream = new RowStream(decode.Width, decode.Height, (input.Height + StripRows - 1) / StripRows, Needed, Strip);
            var (decodeMs, _, tailMs) = stream.Run(decode.Decoder, uri, decode.Start, cancellationToken);
            var inference = Stopwatch.GetTimestamp();
            var found = model.DetectPrepared(tensor, new Size(decode.Header.Width, decode.Header.Height), settings, cancellationToken);
            var processMs = tailMs + Stopwatch.GetElapsedTime(inference).TotalMilliseconds;
            return new StreamedDetectResult(found, decode.Header.Width, decode.Header.Height, decodeMs, processMs);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(tensor);
        }
    }
}
