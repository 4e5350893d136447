using System.Diagnostics;
using ArgoFlow.Services.Errors;
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
public static unsafe class StreamedJpegFilter
{
    /// <summary>Rows per strip: four MCU rows of a 4:2:0 JPEG.</summary>
    internal const int StripRows = 64;

    private const int McuSize = 16;

    /// <summary>Rows the decoder hands over at a time (one MCU row).</summary>
    private const int DecodeRows = 16;

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
    public static StreamedFilterResult? TryRun(ReadOnlySpan<byte> data, ImageLimits limits, string uri, FilterSettings settings, string format, int quality)
    {
        if (!Handles(settings, format))
        {
            return null;
        }

        var header = ImageCodec.CheckedHeader(data, limits, uri);
        if (header.Format != "jpeg" || header.Pixels < StripJpegEncoder.MinPixels || header.Width < McuSize ||
            header.Height < McuSize || ImageHeader.JpegOrientation(data) != 1)
        {
            return null;
        }

        var start = Stopwatch.GetTimestamp();
        fixed (byte* bytes = data)
        {
            var opened = NativeJpeg.Open(bytes, data.Length, out var decoder, out var width, out var height, out var error);
            if (opened == NativeJpeg.OpenResult.NotSupported)
            {
                return null; // CMYK, 12-bit...: OpenCV handles those
            }

            if (opened == NativeJpeg.OpenResult.Failed || decoder is null)
            {
                throw StepException.Undecodable(uri, error ?? "the decoder could not start");
            }

            using (decoder)
            {
                if (width != header.Width || height != header.Height)
                {
                    throw StepException.Undecodable(uri, $"the frame is {width}x{height} but its header said {header.Width}x{header.Height}");
                }

                using var job = new Job(width, height, settings.KernelSize, quality);
                return job.Run(decoder, uri, start);
            }
        }
    }

    /// <summary>One call's buffers and the state its threads share.</summary>
    private sealed class Job : IDisposable
    {
        private readonly Mat _source;
        private readonly Mat _output;
        private readonly int _width;
        private readonly int _height;
        private readonly int _kernel;
        private readonly int _strips;
        private readonly byte[][] _pieces;
        private readonly ImageEncodingParam[] _parameters;
        private readonly object _gate = new();
        private int _decoded;     // rows decoded so far (under _gate)
        private int _finished;    // strips done or abandoned (under _gate)
        private Exception? _failure; // the first error (under _gate)
        private int _next;        // the next strip to take (Interlocked)
        private long _blurTicks;  // CPU time in the blur, all threads (Interlocked)
        private long _encodeTicks; // CPU time in the encoder, all threads (Interlocked)

        public Job(int width, int height, int kernel, int quality)
        {
            _width = width;
            _height = height;
            _kernel = kernel;
            _strips = (height + StripRows - 1) / StripRows;
            _pieces = new byte[_strips][];
            _parameters = StripJpegEncoder.Parameters(quality);
            _source = new Mat(height, width, MatType.CV_8UC3);
            _output = new Mat(height, width, MatType.CV_8UC3);
        }

        public StreamedFilterResult Run(NativeJpeg.Decoder decoder, string uri, long start)
        {
            var helpers = Math.Clamp(Environment.ProcessorCount - 1, 1, _strips);
            for (var i = 0; i < helpers; i++)
            {
                // Work() catches everything; a helper the pool starts late finds no strip left and returns at once.
                _ = Task.Run(Work);
            }

            Decode(decoder, uri);
            var decoded = Stopwatch.GetTimestamp();
            Work();
            lock (_gate)
            {
                while (_finished < _strips)
                {
                    Monitor.Wait(_gate);
                }

                if (_failure is not null)
                {
                    throw _failure is StepException ? _failure : StepException.Undecodable(uri, _failure.Message);
                }
            }

            var mcuColumns = (_width + McuSize - 1) / McuSize;
            var joinStart = Stopwatch.GetTimestamp();
            var bytes = StripJpegEncoder.Join(_pieces, _height, StripRows / McuSize * mcuColumns)
                ?? StripJpegEncoder.Encode(_output, _parameters[0].Value, Environment.ProcessorCount);
            var joinTicks = Stopwatch.GetTimestamp() - joinStart;
            var decodeMs = Stopwatch.GetElapsedTime(start, decoded).TotalMilliseconds;
            var tailMs = Stopwatch.GetElapsedTime(decoded).TotalMilliseconds;
            var blur = (double)Interlocked.Read(ref _blurTicks);
            var encode = (double)Interlocked.Read(ref _encodeTicks) + joinTicks;
            var processMs = blur + encode > 0 ? tailMs * blur / (blur + encode) : 0;
            return new StreamedFilterResult(bytes, _width, _height, decodeMs, processMs, tailMs - processMs);
        }

        public void Dispose()
        {
            _source.Dispose();
            _output.Dispose();
        }

        /// <summary>The first row after strip <paramref name="strip"/>'s blur input (the kernel reaches below the strip).</summary>
        private int Needed(int strip) => Math.Min(_height, ((strip + 1) * StripRows) + (_kernel / 2));

        private void Decode(NativeJpeg.Decoder decoder, string uri)
        {
            var data = (byte*)_source.Data;
            var step = _source.Step();
            var row = 0;
            var announced = 0; // strips whose input rows the workers have been told about
            try
            {
                while (row < _height)
                {
                    var got = decoder.Read(data + (row * step), step, Math.Min(DecodeRows, _height - row));
                    if (got <= 0)
                    {
                        Fail(StepException.Undecodable(uri, got < 0 ? decoder.Message : $"the image data ended at row {row} of {_height}"));
                        return;
                    }

                    row += got;
                    if (announced < _strips && row >= Needed(announced))
                    {
                        lock (_gate)
                        {
                            _decoded = row;
                            while (announced < _strips && row >= Needed(announced))
                            {
                                announced++;
                            }

                            Monitor.PulseAll(_gate);
                        }
                    }
                }
            }
            catch (Exception ex)
            {
                Fail(ex);
            }
        }

        /// <summary>Takes strips in order until none are left: wait for their rows, blur, encode.</summary>
        private void Work()
        {
            while (true)
            {
                var strip = Interlocked.Increment(ref _next) - 1;
                if (strip >= _strips)
                {
                    return;
                }

                var ready = false;
                lock (_gate)
                {
                    while (_decoded < Needed(strip) && _failure is null)
                    {
                        Monitor.Wait(_gate);
                    }

                    ready = _failure is null;
                }

                if (ready)
                {
                    try
                    {
                        var top = strip * StripRows;
                        var bottom = Math.Min(_height, top + StripRows);
                        var begin = Stopwatch.GetTimestamp();
                        BinomialBlur.ApplyRows(_source, _output, _kernel, top, bottom);
                        var blurred = Stopwatch.GetTimestamp();
                        using (var rows = _output.RowRange(top, bottom))
                        {
                            _pieces[strip] = StripJpegEncoder.Single(rows, _parameters);
                        }

                        Interlocked.Add(ref _blurTicks, blurred - begin);
                        Interlocked.Add(ref _encodeTicks, Stopwatch.GetTimestamp() - blurred);
                    }
                    catch (Exception ex)
                    {
                        Fail(ex);
                    }
                }

                lock (_gate)
                {
                    _finished++;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        private void Fail(Exception ex)
        {
            lock (_gate)
            {
                _failure ??= ex;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
