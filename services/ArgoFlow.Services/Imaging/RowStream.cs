using System.Diagnostics;
using ArgoFlow.Services.Errors;
using OpenCvSharp;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// Decodes a JPEG row by row on the calling thread while other threads work on horizontal strips of the result as
/// soon as the rows each strip needs are decoded; when the decoder is done, the calling thread takes the strips
/// left. The work per strip is the caller's (blur and encode, shrink and encode...): it must read only source rows
/// below <c>needed(strip)</c> and write only its own part of the output. Strips are handed out in order.
/// Used by <see cref="Filter.StreamedJpegFilter"/> and <see cref="Resize.StreamedJpegResize"/>.
/// </summary>
internal sealed unsafe class RowStream : IDisposable
{
    /// <summary>Rows the decoder hands over at a time (one MCU row of a 4:2:0 JPEG).</summary>
    private const int DecodeRows = 16;

    private readonly int _height;
    private readonly int _strips;
    private readonly Func<int, int> _needed;
    private readonly Action<RowStream, int> _work;
    private readonly object _gate = new();
    private int _decoded;        // rows decoded so far (under _gate)
    private int _finished;       // strips done or abandoned (under _gate)
    private Exception? _failure; // the first error (under _gate)
    private int _next;           // the next strip to take (Interlocked)
    private long _processTicks;  // CPU time the strips spent processing, all threads (Interlocked)
    private long _encodeTicks;   // CPU time the strips spent encoding, all threads (Interlocked)
    private CancellationToken _cancellation; // the call's: checked every decoded MCU row and before every strip

    /// <param name="width">The decoded image's width.</param>
    /// <param name="height">The decoded image's height.</param>
    /// <param name="strips">How many strips the work is cut into.</param>
    /// <param name="needed">For a strip, how many source rows from the top must be decoded before it can start.</param>
    /// <param name="work">Processes one strip (any thread); reports its time with <see cref="AddProcess"/> and <see cref="AddEncode"/>.</param>
    /// <summary>
    /// The common start of the streamed paths: the usual header checks (<see cref="ImageCodec.CheckedHeader"/>), then,
    /// for a JPEG of a megapixel or more with no EXIF rotation for which <paramref name="reductionFor"/> gives a
    /// reduction (1, 2, 4 or 8; null when the path does not apply), a decoder at that reduction, handed to
    /// <paramref name="run"/> while <paramref name="data"/> stays pinned. Null when the path does not apply (nothing
    /// was done); data libjpeg refuses fails as undecodable, as a decode through OpenCV would.
    /// </summary>
    public static T? TryStart<T>(ReadOnlySpan<byte> data, ImageLimits limits, string uri, Func<ImageHeader, int?> reductionFor, Func<StreamedInput, T> run)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(reductionFor);
        ArgumentNullException.ThrowIfNull(run);
        if (!NativeJpeg.Available)
        {
            return null;
        }

        var header = ImageCodec.CheckedHeader(data, limits, uri);
        if (header.Format != "jpeg" || header.Pixels < StripJpegEncoder.MinPixels || ImageHeader.JpegOrientation(data) != 1 ||
            reductionFor(header) is not { } reduction)
        {
            return null;
        }

        var start = Stopwatch.GetTimestamp();
        fixed (byte* bytes = data)
        {
            var opened = NativeJpeg.Open(bytes, data.Length, reduction, out var decoder, out var width, out var height, out var error);
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
                if (width != (header.Width + reduction - 1) / reduction || height != (header.Height + reduction - 1) / reduction)
                {
                    throw StepException.Undecodable(uri, $"the frame decodes to {width}x{height} at 1/{reduction}, but its header said {header.Width}x{header.Height}");
                }

                return run(new StreamedInput(decoder, header, width, height, start));
            }
        }
    }

    public RowStream(int width, int height, int strips, Func<int, int> needed, Action<RowStream, int> work)
    {
        _height = height;
        _strips = strips;
        _needed = needed;
        _work = work;
        Source = new Mat(height, width, MatType.CV_8UC3);
    }

    /// <summary>The image being decoded (BGR); a strip may read the rows <c>needed</c> said it needs.</summary>
    public Mat Source { get; }

    public void AddProcess(long ticks) => Interlocked.Add(ref _processTicks, ticks);

    public void AddEncode(long ticks) => Interlocked.Add(ref _encodeTicks, ticks);

    /// <summary>
    /// Decodes all rows and runs every strip; returns the decoder's wall time and the wall time after it until the
    /// last strip was done, that tail split between process and encode in proportion to their CPU time (plus
    /// <paramref name="extraEncodeTicks"/> spent after the strips, e.g. joining them, which the caller adds later).
    /// Throws the first failure: a decode error as <see cref="StepException"/> (undecodable), a strip's own. A
    /// cancelled call stops within one MCU row of decoding or one strip of work and throws
    /// <see cref="OperationCanceledException"/>: a caller that gave up must not keep the cores busy.
    /// </summary>
    public (double DecodeMs, double ProcessMs, double TailMs) Run(NativeJpeg.Decoder decoder, string uri, long start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        _cancellation = cancellationToken;
        var helpers = Math.Clamp(Environment.ProcessorCount - 1, 1, _strips);
        for (var i = 0; i < helpers; i++)
        {
            // Work() catches everything; a helper the pool starts late finds no strip left and returns at once.
            _ = Task.Run(Work, CancellationToken.None);
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
                throw _failure is StepException or OperationCanceledException ? _failure : StepException.Undecodable(uri, _failure.Message);
            }
        }

        var decodeMs = Stopwatch.GetElapsedTime(start, decoded).TotalMilliseconds;
        var tailMs = Stopwatch.GetElapsedTime(decoded).TotalMilliseconds;
        var process = (double)Interlocked.Read(ref _processTicks);
        var encode = (double)Interlocked.Read(ref _encodeTicks);
        var processMs = process + encode > 0 ? tailMs * process / (process + encode) : tailMs;
        return (decodeMs, processMs, tailMs);
    }

    public void Dispose() => Source.Dispose();

    private void Decode(NativeJpeg.Decoder decoder, string uri)
    {
        var data = (byte*)Source.Data;
        var step = Source.Step();
        var row = 0;
        var announced = 0; // strips whose input rows the workers have been told about
        try
        {
            while (row < _height)
            {
                if (_cancellation.IsCancellationRequested)
                {
                    Fail(new OperationCanceledException(_cancellation));
                    return;
                }

                var got = decoder.Read(data + (row * step), step, Math.Min(DecodeRows, _height - row));
                if (got <= 0)
                {
                    Fail(StepException.Undecodable(uri, got < 0 ? decoder.Message : $"the image data ended at row {row} of {_height}"));
                    return;
                }

                row += got;
                if (announced < _strips && row >= _needed(announced))
                {
                    lock (_gate)
                    {
                        _decoded = row;
                        while (announced < _strips && row >= _needed(announced))
                        {
                            announced++;
                        }

                        Monitor.PulseAll(_gate);
                    }
                }
            }

            lock (_gate)
            {
                _decoded = row;
                Monitor.PulseAll(_gate);
            }
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
    }

    /// <summary>Takes strips in order until none are left: wait for their rows, then do the work.</summary>
    private void Work()
    {
        while (true)
        {
            var strip = Interlocked.Increment(ref _next) - 1;
            if (strip >= _strips)
            {
                return;
            }

            bool ready;
            lock (_gate)
            {
                var needed = Math.Min(_needed(strip), _height);
                while (_decoded < needed && _failure is null)
                {
                    Monitor.Wait(_gate);
                }

                ready = _failure is null;
            }

            if (ready && _cancellation.IsCancellationRequested)
            {
                Fail(new OperationCanceledException(_cancellation));
            }
            else if (ready)
            {
                try
                {
                    _work(this, strip);
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

/// <summary>An opened streamed decode: the decoder, the source's header, the decoded size, and when the work began.</summary>
internal readonly record struct StreamedInput(NativeJpeg.Decoder Decoder, ImageHeader Header, int Width, int Height, long Start);
