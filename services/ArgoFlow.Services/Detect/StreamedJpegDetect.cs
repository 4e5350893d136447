using System.Buffers;
using System.Diagnostics;
using ArgoFlow.Services.Errors;
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
public static unsafe class StreamedJpegDetect
{
    /// <summary>Rows of the model's input per strip.</summary>
    internal const int StripRows = 32;

    public static StreamedDetectResult? TryRun(ReadOnlySpan<byte> data, ImageLimits limits, string uri, DetectionModel model, DetectSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.TakesPlainAreaResize || !NativeJpeg.Available)
        {
            return null;
        }

        var header = ImageCodec.CheckedHeader(data, limits, uri);
        if (header.Format != "jpeg" || header.Pixels < StripJpegEncoder.MinPixels || ImageHeader.JpegOrientation(data) != 1)
        {
            return null;
        }

        var reduction = model.ReductionFor(header.Width, header.Height);
        var (decodedWidth, decodedHeight) = ((header.Width + reduction - 1) / reduction, (header.Height + reduction - 1) / reduction);
        var input = new Size(model.InputWidth, model.InputHeight);
        if (!AreaShrink.Supports(decodedWidth, decodedHeight, input))
        {
            return null;
        }

        var start = Stopwatch.GetTimestamp();
        fixed (byte* bytes = data)
        {
            var opened = NativeJpeg.Open(bytes, data.Length, reduction, out var decoder, out var width, out var height, out var error);
            if (opened == NativeJpeg.OpenResult.NotSupported)
            {
                return null;
            }

            if (opened == NativeJpeg.OpenResult.Failed || decoder is null)
            {
                throw StepException.Undecodable(uri, error ?? "the decoder could not start");
            }

            using (decoder)
            {
                if (width != decodedWidth || height != decodedHeight)
                {
                    throw StepException.Undecodable(uri, $"the frame decodes to {width}x{height} at 1/{reduction}, but its header said {header.Width}x{header.Height}");
                }

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

                    int Needed(int strip) => AreaShrink.SourceRowsFor(height, input.Height, Math.Min(input.Height, (strip + 1) * StripRows));
                    using var stream = new RowStream(width, height, (input.Height + StripRows - 1) / StripRows, Needed, Strip);
                    var (decodeMs, _, tailMs) = stream.Run(decoder, uri, start);
                    var inference = Stopwatch.GetTimestamp();
                    var found = model.DetectPrepared(tensor, new Size(header.Width, header.Height), settings);
                    var processMs = tailMs + Stopwatch.GetElapsedTime(inference).TotalMilliseconds;
                    return new StreamedDetectResult(found, header.Width, header.Height, decodeMs, processMs);
                }
                finally
                {
                    ArrayPool<float>.Shared.Return(tensor);
                }
            }
        }
    }
}
