using System.Text.Json;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Services.Imaging;
using Grpc.Core;
using OpenCvSharp;

namespace ArgoFlow.Services.Grpc;

/// <summary>argoflow.v1.FilterService: validate, gather regions (request + detections JSON), then <see cref="ImageFilters"/>.</summary>
public sealed class FilterGrpcService : FilterService.FilterServiceBase
{
    private readonly StepIo _io;
    private readonly WarmHostOptions _options;

    public FilterGrpcService(StepIo io, WarmHostOptions options)
    {
        _io = io;
        _options = options;
    }

    public override async Task<FilterResponse> Filter(FilterRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var clock = new StageClock(_io.Time);
        var parameters = RequestParameters.Validate(StepCatalog.Filter, request);
        var operation = parameters.Text("operation");
        var regionOperation = StepCatalog.RegionOperations.Contains(operation);
        if (regionOperation && request.Regions.Count == 0 && request.RegionsUri.Length == 0)
        {
            throw StepException.Invalid("regions", $"{operation} needs regions or regionsUri");
        }

        var format = parameters.Text("format");
        var input = _io.Store.Resolve(request.Input, "input");
        var regionsFile = request.RegionsUri.Length > 0 ? _io.Store.Resolve(request.RegionsUri, "regionsUri") : null;
        var output = request.Output.Length > 0
            ? OutputKeys.Named(_io.Store, request.Output, "output", input, regionsFile)
            : OutputKeys.Derive(input, "filter", request, ImageCodec.Extension(format));

        var padding = parameters.Whole("regionPadding");
        CheckRegionCount(request.Regions.Count, "regions");
        var regions = request.Regions.Select(b => StepSettings.Region(b, padding)).ToList();
        if (regionsFile is not null)
        {
            using var json = await _io.ReadObjectAsync(regionsFile, clock, context.CancellationToken);
            regions.AddRange(RegionsFrom(json.Span, _io.Store.ToUri(regionsFile), request.RegionClasses, padding));
            CheckRegionCount(regions.Count, "regionsUri");
        }

        var settings = StepSettings.Filter(parameters, regions);
        var quality = parameters.Whole("quality");
        using var data = await _io.ReadObjectAsync(input, clock, context.CancellationToken);

        // A blur from JPEG to JPEG overlaps decode, blur and encode (same pixels, see StreamedJpegFilter).
        if (StreamedJpegFilter.TryRun(data.Span, _io.Limits, _io.Store.ToUri(input), settings, format, quality, context.CancellationToken) is { } streamed)
        {
            clock.AddOverlapped(streamed.DecodeMs, streamed.ProcessMs, streamed.EncodeMs);
            await _io.SaveBytesAsync(output, streamed.Bytes, ImageCodec.ContentType(format), clock, context.CancellationToken);
            return new FilterResponse
            {
                Output = _io.Store.ToUri(output),
                Width = streamed.Width,
                Height = streamed.Height,
                Bytes = streamed.Bytes.Length,
                Timing = clock.Finish(),
                Instance = _options.Instance,
            };
        }

        using var source = _io.DecodeImage(data.Span, input, clock, cancellationToken: context.CancellationToken);
        var start = clock.Now();
        using var filtered = ImageFilters.Apply(source.Image, settings, context.CancellationToken);
        clock.Add(StageClock.Stage.Process, start);
        var bytes = await _io.SaveImageAsync(output, filtered, format, quality, clock, context.CancellationToken);
        return new FilterResponse
        {
            Output = _io.Store.ToUri(output),
            Width = filtered.Width,
            Height = filtered.Height,
            Regions = regionOperation ? ImageFilters.Clip(regions, source.Image.Width, source.Image.Height).Count() : 0,
            Bytes = bytes,
            Timing = clock.Finish(),
            Instance = _options.Instance,
        };
    }

    /// <summary>Checked before any pixel is touched; the merge that bounds the work is quadratic in the count.</summary>
    private void CheckRegionCount(int count, string field)
    {
        if (count > _io.Limits.MaxRegions)
        {
            throw StepException.Invalid(field, $"{count} regions, the limit is {_io.Limits.MaxRegions} per call");
        }
    }

    private static List<Rect> RegionsFrom(ReadOnlySpan<byte> json, string uri, Google.Protobuf.Collections.RepeatedField<string> classes, int padding)
    {
        DetectionsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, DetectionsJsonContext.Default.DetectionsDocument);
        }
        catch (JsonException ex)
        {
            throw StepException.Invalid("regionsUri", $"{uri} is not a detections JSON written by detect: {ex.Message}");
        }

        if (document?.Detections is null)
        {
            throw StepException.Invalid("regionsUri", $"{uri} has no 'detections' list");
        }

        return StepSettings.Regions(document, classes, padding).ToList();
    }
}
