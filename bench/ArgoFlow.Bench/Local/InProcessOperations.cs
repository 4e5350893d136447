using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Filter;
using ArgoFlow.Services.Grpc;
using ArgoFlow.Services.Imaging;
using ArgoFlow.Services.Resize;
using OpenCvSharp;

namespace ArgoFlow.Bench.Local;

/// <summary>
/// Resize, detect and filter on the services' pure classes (<see cref="Resizer"/>, <see cref="DetectionModel"/>,
/// <see cref="ImageFilters"/>, <see cref="ImageCodec"/>): parameters checked and defaulted by the catalogue as the
/// services do, the input decoded from memory, the output encoded to memory. Download and upload are zero.
/// </summary>
internal sealed class InProcessOperations
{
    private const string Instance = "in-process";
    private readonly ConcurrentDictionary<string, byte[]> objects;
    private readonly DetectionModel? model;
    private readonly ImageLimits limits = new();

    public InProcessOperations(ConcurrentDictionary<string, byte[]> objects, DetectionModel? model)
    {
        this.objects = objects;
        this.model = model;
    }

    public ResizeResponse Resize(ResizeRequest request, string step)
    {
        var parameters = RequestParameters.Validate(StepCatalog.Resize, request);
        var settings = StepSettings.Resize(parameters);
        var timing = new Timing();
        var total = Stopwatch.GetTimestamp();
        var format = parameters.Text("format");
        // The same overlapped path as the Resize service takes for a JPEG area shrink.
        if (StreamedJpegResize.TryRun(Read(request.Input), limits, request.Input, settings, format, parameters.Whole("quality")) is { } streamed)
        {
            var key = Streamed(step, request.Input, format, streamed.Bytes, timing, total, streamed.DecodeMs, streamed.ProcessMs, streamed.EncodeMs);
            return new ResizeResponse
            {
                Output = key, Width = streamed.Width, Height = streamed.Height, SourceWidth = streamed.SourceWidth,
                SourceHeight = streamed.SourceHeight, Bytes = streamed.Bytes.Length, Timing = timing, Instance = Instance,
            };
        }

        // The same reduced JPEG decode as the Resize service, so the floor is the same operation.
        using var source = Decode(request.Input, timing, (w, h) => Resizer.ReductionFor(w, h, settings), out var size);
        var start = Stopwatch.GetTimestamp();
        using var resized = Resizer.Resize(source, settings, size);
        timing.ProcessMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var output = OutputKey(step, request.Input, ImageCodec.Extension(parameters.Text("format")));
        var bytes = Encode(output, resized, parameters.Text("format"), parameters.Whole("quality"), timing);
        timing.TotalMs = Stopwatch.GetElapsedTime(total).TotalMilliseconds;
        return new ResizeResponse
        {
            Output = output, Width = resized.Width, Height = resized.Height, SourceWidth = size.Width,
            SourceHeight = size.Height, Bytes = bytes, Timing = timing, Instance = Instance,
        };
    }

    public DetectResponse Detect(DetectRequest request, string step)
    {
        var detector = model ?? throw new StepException(StepFailure.InvalidArgument, "detect: no model was loaded", "model");
        var parameters = RequestParameters.Validate(StepCatalog.Detect, request);
        var settings = StepSettings.Detect(parameters, detector);
        var timing = new Timing();
        var total = Stopwatch.GetTimestamp();
        IReadOnlyList<DetectedObject> found;
        Size size;
        // As the Detect service does without an annotated copy: the model's input prepared while the JPEG decodes,
        // or a decode reduced down to the model's input size.
        if (StreamedJpegDetect.TryRun(Read(request.Input), limits, request.Input, detector, settings) is { } streamed)
        {
            timing.DecodeMs = streamed.DecodeMs;
            timing.ProcessMs = streamed.ProcessMs;
            found = streamed.Found;
            size = new Size(streamed.SourceWidth, streamed.SourceHeight);
        }
        else
        {
            using var image = Decode(request.Input, timing, detector.ReductionFor, out size);
            var start = Stopwatch.GetTimestamp();
            found = detector.Detect(image, settings, size);
            timing.ProcessMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var response = new DetectResponse
        {
            Width = size.Width, Height = size.Height, Model = detector.Name, Instance = Instance, Input = request.Input,
        };
        response.Detections.AddRange(found.Select(d => new Detection
        {
            ClassId = d.ClassId, ClassName = d.ClassName, Score = d.Score,
            Box = new Box { X1 = d.X1, Y1 = d.Y1, X2 = d.X2, Y2 = d.Y2 },
        }));
        if (request.WriteDetections)
        {
            var start = Stopwatch.GetTimestamp();
            var document = DetectionsDocument.From(request.Input, detector.Name, size.Width, size.Height, found);
            var key = OutputKey(step, request.Input, "json");
            objects[key] = JsonSerializer.SerializeToUtf8Bytes(document, DetectionsJsonContext.Default.DetectionsDocument);
            timing.EncodeMs += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            response.DetectionsUri = key;
        }

        timing.TotalMs = Stopwatch.GetElapsedTime(total).TotalMilliseconds;
        response.Timing = timing;
        return response;
    }

    public FilterResponse Filter(FilterRequest request, string step)
    {
        var parameters = RequestParameters.Validate(StepCatalog.Filter, request);
        var operation = parameters.Text("operation");
        var padding = parameters.Whole("regionPadding");
        var regions = request.Regions.Select(b => StepSettings.Region(b, padding)).ToList();
        if (request.RegionsUri.Length > 0 &&
            JsonSerializer.Deserialize(Read(request.RegionsUri), DetectionsJsonContext.Default.DetectionsDocument) is { } document)
        {
            regions.AddRange(StepSettings.Regions(document, request.RegionClasses, padding));
        }

        var settings = StepSettings.Filter(parameters, regions);
        var timing = new Timing();
        var total = Stopwatch.GetTimestamp();
        var format = parameters.Text("format");
        // The same overlapped path as the Filter service takes for a JPEG blur.
        if (StreamedJpegFilter.TryRun(Read(request.Input), limits, request.Input, settings, format, parameters.Whole("quality")) is { } streamed)
        {
            var key = Streamed(step, request.Input, format, streamed.Bytes, timing, total, streamed.DecodeMs, streamed.ProcessMs, streamed.EncodeMs);
            return new FilterResponse
            {
                Output = key, Width = streamed.Width, Height = streamed.Height, Bytes = streamed.Bytes.Length, Timing = timing, Instance = Instance,
            };
        }

        using var source = Decode(request.Input, timing, null, out _);
        var start = Stopwatch.GetTimestamp();
        using var filtered = ImageFilters.Apply(source, settings);
        timing.ProcessMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var output = OutputKey(step, request.Input, ImageCodec.Extension(parameters.Text("format")));
        var bytes = Encode(output, filtered, parameters.Text("format"), parameters.Whole("quality"), timing);
        timing.TotalMs = Stopwatch.GetElapsedTime(total).TotalMilliseconds;
        return new FilterResponse
        {
            Output = output, Width = filtered.Width, Height = filtered.Height, Bytes = bytes, Timing = timing, Instance = Instance,
            Regions = StepCatalog.RegionOperations.Contains(operation) ? ImageFilters.Clip(regions, source.Width, source.Height).Count() : 0,
        };
    }

    private byte[] Read(string key) => objects.TryGetValue(key, out var data) ? data : throw StepException.NotFound(key);

    private Mat Decode(string key, Timing timing, Func<int, int, int>? reductionFor, out Size sourceSize)
    {
        var data = Read(key);
        var start = Stopwatch.GetTimestamp();
        var image = ImageCodec.Decode(data, limits, key, reductionFor, out sourceSize);
        timing.DecodeMs += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return image;
    }

    /// <summary>Keeps a streamed path's output and copies its (overlapping) stage times; returns the output key.</summary>
    private string Streamed(string step, string input, string format, byte[] bytes, Timing timing, long total, double decodeMs, double processMs, double encodeMs)
    {
        var key = OutputKey(step, input, ImageCodec.Extension(format));
        objects[key] = bytes;
        timing.DecodeMs = decodeMs;
        timing.ProcessMs = processMs;
        timing.EncodeMs = encodeMs;
        timing.TotalMs = Stopwatch.GetElapsedTime(total).TotalMilliseconds;
        return key;
    }

    private long Encode(string key, Mat image, string format, int quality, Timing timing)
    {
        var start = Stopwatch.GetTimestamp();
        var bytes = ImageCodec.Encode(image, format, quality);
        timing.EncodeMs += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        objects[key] = bytes;
        return bytes.Length;
    }

    /// <summary>One key per step and input, so concurrent runs of different inputs never share an output.</summary>
    private static string OutputKey(string step, string input, string extension) =>
        $"memory/{step}/{Path.GetFileNameWithoutExtension(input)}.{extension}";
}
