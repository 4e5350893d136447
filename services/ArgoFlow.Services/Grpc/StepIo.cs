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

    public async Task<Mat> LoadImageAsync(ObjectRef input, StageClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var start = clock.Now();
        using var buffer = await Store.ReadAsync(input, Limits.MaxObjectBytes, cancellationToken);
        clock.Add(StageClock.Stage.Download, start);
        start = clock.Now();
        var image = ImageCodec.Decode(buffer.Span, Limits, Store.ToUri(input));
        clock.Add(StageClock.Stage.Decode, start);
        return image;
    }

    /// <summary>
    /// Loads an image that will be shrunk: <paramref name="reduction"/> gets the stored width and height (from the
    /// header) and returns the decode reduction (1, 2, 4, 8) that still leaves enough pixels. Returns the decoded
    /// image with the stored size.
    /// </summary>
    public async Task<(Mat Image, int SourceWidth, int SourceHeight)> LoadImageForShrinkAsync(
        ObjectRef input, Func<int, int, int> reduction, StageClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reduction);
        ArgumentNullException.ThrowIfNull(clock);
        var start = clock.Now();
        using var buffer = await Store.ReadAsync(input, Limits.MaxObjectBytes, cancellationToken);
        clock.Add(StageClock.Stage.Download, start);
        start = clock.Now();
        var header = ImageHeader.TryRead(buffer.Span);
        var reduce = header is { Width: > 0, Height: > 0 } h ? reduction(h.Width, h.Height) : 1;
        var image = ImageCodec.Decode(buffer.Span, Limits, Store.ToUri(input), reduce);
        clock.Add(StageClock.Stage.Decode, start);
        return (image, header!.Value.Width, header.Value.Height);
    }

    /// <summary>Encodes and writes the image; returns the number of bytes written.</summary>
    public async Task<long> SaveImageAsync(ObjectRef output, Mat image, string format, int quality, StageClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var start = clock.Now();
        var bytes = ImageCodec.Encode(image, format, quality);
        clock.Add(StageClock.Stage.Encode, start);
        await SaveBytesAsync(output, bytes, ImageCodec.ContentType(format), clock, cancellationToken);
        return bytes.Length;
    }

    public async Task SaveBytesAsync(ObjectRef output, ReadOnlyMemory<byte> bytes, string contentType, StageClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var start = clock.Now();
        await Store.WriteAsync(output, bytes, contentType, cancellationToken);
        clock.Add(StageClock.Stage.Upload, start);
    }

    public async Task<byte[]> ReadBytesAsync(ObjectRef obj, StageClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var start = clock.Now();
        using var buffer = await Store.ReadAsync(obj, Limits.MaxObjectBytes, cancellationToken);
        clock.Add(StageClock.Stage.Download, start);
        return buffer.Span.ToArray();
    }
}
