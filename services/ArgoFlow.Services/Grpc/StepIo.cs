using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Storage;
using OpenCvSharp;

namespace ArgoFlow.Services.Grpc;

/// <summary>
/// The storage and codec half of every step: read the object once into a pooled buffer, check its header, decode
/// from that buffer; encode and write atomically. Each stage is timed on the call's <see cref="StageClock"/>.
/// </summary>
public sealed class StepIo
{
    public StepIo(IImageStore store, ImageLimits limits, TimeProvider time)
    {
        Store = store;
        Limits = limits;
        Time = time;
    }

    public IImageStore Store { get; }

    public ImageLimits Limits { get; }

    public TimeProvider Time { get; }

    /// <summary>Reads and decodes; <paramref name="reductionFor"/> may ask for a reduced JPEG decode (see <see cref="ImageCodec"/>).</summary>
    public async Task<LoadedImage> LoadImageAsync(ObjectRef input, StageClock clock, CancellationToken cancellationToken,
        Func<int, int, int>? reductionFor = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var start = clock.Now();
        using var buffer = await Store.ReadAsync(input, Limits.MaxObjectBytes, cancellationToken);
        clock.Add(StageClock.Stage.Download, start);
        return DecodeImage(buffer.Span, input, clock, reductionFor, cancellationToken);
    }

    /// <summary>Decodes an object already read (<see cref="ReadObjectAsync"/>), timed as the decode stage.</summary>
    /// <remarks>
    /// A cancelled call stops before the decode, within one MCU row of a JPEG the native decoder takes
    /// (<see cref="ImageCodec.Decode(ReadOnlySpan{byte}, ImageLimits, string, Func{int, int, int}?, out OpenCvSharp.Size, CancellationToken)"/>),
    /// and right after OpenCV's decode of anything else, which cannot be interrupted.
    /// </remarks>
    public LoadedImage DecodeImage(ReadOnlySpan<byte> data, ObjectRef input, StageClock clock, Func<int, int, int>? reductionFor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        cancellationToken.ThrowIfCancellationRequested();
        var start = clock.Now();
        var image = ImageCodec.Decode(data, Limits, Store.ToUri(input), reductionFor, out var sourceSize, cancellationToken);
        clock.Add(StageClock.Stage.Decode, start);
        if (cancellationToken.IsCancellationRequested)
        {
            image.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return new LoadedImage(image, sourceSize);
    }

    /// <summary>Encodes and writes the image; returns the number of bytes written.</summary>
    public async Task<long> SaveImageAsync(ObjectRef output, Mat image, string format, int quality, StageClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        cancellationToken.ThrowIfCancellationRequested();
        var start = clock.Now();
        var bytes = ImageCodec.Encode(image, format, quality, cancellationToken);
        clock.Add(StageClock.Stage.Encode, start);
        await SaveBytesAsync(output, bytes, ImageCodec.ContentType(format), clock, cancellationToken);
        return bytes.Length;
    }

    public async Task SaveBytesAsync(ObjectRef output, ReadOnlyMemory<byte> bytes, string contentType, StageClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (bytes.IsEmpty)
        {
            // Never an empty object over a real one: every encoder failure must have been reported by now.
            throw StepException.Conflict($"nothing to write to {Store.ToUri(output)}: the encoded result is empty");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var start = clock.Now();
        await Store.WriteAsync(output, bytes, contentType, cancellationToken);
        clock.Add(StageClock.Stage.Upload, start);
    }

    /// <summary>Reads a non-image object (e.g. a detections JSON) into a pooled buffer the caller disposes.</summary>
    public async Task<PooledBuffer> ReadObjectAsync(ObjectRef obj, StageClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var start = clock.Now();
        var buffer = await Store.ReadAsync(obj, Limits.MaxObjectBytes, cancellationToken);
        clock.Add(StageClock.Stage.Download, start);
        return buffer;
    }
}
