using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Resize;
using Grpc.Core;

namespace ArgoFlow.Services.Grpc;

/// <summary>argoflow.v1.ResizeService: validate, then load -> <see cref="Resizer"/> -> save.</summary>
public sealed class ResizeGrpcService : ResizeService.ResizeServiceBase
{
    private readonly StepIo _io;
    private readonly WarmHostOptions _options;

    public ResizeGrpcService(StepIo io, WarmHostOptions options)
    {
        _io = io;
        _options = options;
    }

    public override async Task<ResizeResponse> Resize(ResizeRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var clock = new StageClock(_io.Time);
        var parameters = RequestParameters.Validate(StepCatalog.Resize, request);
        var settings = StepSettings.Resize(parameters);
        var format = parameters.Text("format");
        var input = _io.Store.Resolve(request.Input, "input");
        var output = request.Output.Length > 0
            ? OutputKeys.Named(_io.Store, request.Output, "output", input)
            : OutputKeys.Derive(input, "resize", request, ImageCodec.Extension(format));

        var quality = parameters.Whole("quality");
        using var data = await _io.ReadObjectAsync(input, clock, context.CancellationToken);
        // The input's own checks first (a damaged or oversized image is FAILED_PRECONDITION), then what the
        // parameters would make of it - both before anything is decoded or allocated.
        var header = ImageCodec.CheckedHeader(data.Span, _io.Limits, _io.Store.ToUri(input));
        Resizer.CheckSize(header.Width, header.Height, settings, _io.Limits.MaxPixels, format);


        // A JPEG shrunk with INTER_AREA overlaps decode, shrink and encode (same pixels, see StreamedJpegResize).
        if (StreamedJpegResize.TryRun(data.Span, _io.Limits, _io.Store.ToUri(input), settings, format, quality, context.CancellationToken) is { } streamed)
        {
            clock.AddOverlapped(streamed.DecodeMs, streamed.ProcessMs, streamed.EncodeMs);
            await _io.SaveBytesAsync(output, streamed.Bytes, ImageCodec.ContentType(format), clock, context.CancellationToken);
            return new ResizeResponse
            {
                Output = _io.Store.ToUri(output),
                Width = streamed.Width,
                Height = streamed.Height,
                SourceWidth = streamed.SourceWidth,
                SourceHeight = streamed.SourceHeight,
                Bytes = streamed.Bytes.Length,
                Timing = clock.Finish(),
                Instance = _options.Instance,
            };
        }

        using var source = _io.DecodeImage(data.Span, input, clock, (width, height) => Resizer.ReductionFor(width, height, settings), context.CancellationToken);
        var start = clock.Now();
        using var resized = Resizer.Resize(source.Image, settings, source.SourceSize, context.CancellationToken);
        clock.Add(StageClock.Stage.Process, start);
        var bytes = await _io.SaveImageAsync(output, resized, format, quality, clock, context.CancellationToken);
        return new ResizeResponse
        {
            Output = _io.Store.ToUri(output),
            Width = resized.Width,
            Height = resized.Height,
            SourceWidth = source.SourceSize.Width,
            SourceHeight = source.SourceSize.Height,
            Bytes = bytes,
            Timing = clock.Finish(),
            Instance = _options.Instance,
        };
    }
}
