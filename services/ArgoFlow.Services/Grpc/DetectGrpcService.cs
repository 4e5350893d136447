using System.Text.Json;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Hosting;
using Grpc.Core;
using OpenCvSharp;

namespace ArgoFlow.Services.Grpc;

/// <summary>
/// argoflow.v1.DetectService: validate, load, <see cref="DetectionModel.Detect"/>, and optionally write the
/// detections JSON (<see cref="DetectionsDocument"/>) and an annotated copy.
/// </summary>
public sealed class DetectGrpcService : DetectService.DetectServiceBase
{
    private readonly StepIo _io;
    private readonly ModelRegistry _models;
    private readonly WarmHostOptions _options;

    public DetectGrpcService(StepIo io, ModelRegistry models, WarmHostOptions options)
    {
        _io = io;
        _models = models;
        _options = options;
    }

    public override async Task<DetectResponse> Detect(DetectRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var clock = new StageClock(_io.Time);
        var parameters = RequestParameters.Validate(StepCatalog.Detect, request);
        var model = _models.Get(request.Model);
        var settings = StepSettings.Detect(parameters, model);
        var input = _io.Store.Resolve(request.Input, "input");
        var detectionsOut = !request.WriteDetections ? null : request.DetectionsOutput.Length > 0
            ? OutputKeys.Named(_io.Store, request.DetectionsOutput, "detectionsOutput", input)
            : OutputKeys.Derive(input, "detect", request, "json");
        var annotatedOut = !request.Annotate ? null : request.AnnotatedOutput.Length > 0
            ? OutputKeys.Named(_io.Store, request.AnnotatedOutput, "annotatedOutput", input)
            : OutputKeys.Derive(input, "detect", request, "jpg");

        using var data = await _io.ReadObjectAsync(input, clock, context.CancellationToken);
        // Without an annotated copy to draw on, the model's input may be prepared while the JPEG decodes (same
        // detections, see StreamedJpegDetect), or a large JPEG is decoded reduced, down to the model's input size.
        var streamed = request.Annotate ? null : StreamedJpegDetect.TryRun(data.Span, _io.Limits, _io.Store.ToUri(input), model, settings, context.CancellationToken);
        using var image = streamed is null ? _io.DecodeImage(data.Span, input, clock, request.Annotate ? null : model.ReductionFor, context.CancellationToken) : null;
        IReadOnlyList<DetectedObject> found;
        Size size;
        if (streamed is not null)
        {
            clock.AddOverlapped(streamed.DecodeMs, streamed.ProcessMs, 0);
            found = streamed.Found;
            size = new Size(streamed.SourceWidth, streamed.SourceHeight);
        }
        else
        {
            size = image!.SourceSize;
            var start = clock.Now();
            found = model.Detect(image.Image, settings, size, context.CancellationToken);
            clock.Add(StageClock.Stage.Process, start);
        }

        var inputUri = _io.Store.ToUri(input);
        var response = new DetectResponse
        {
            Width = size.Width,
            Height = size.Height,
            Model = model.Name,
            Instance = _options.Instance,
            Input = inputUri,
        };
        response.Detections.AddRange(found.Select(d => new Detection
        {
            ClassId = d.ClassId,
            ClassName = d.ClassName,
            Score = d.Score,
            Box = new Box { X1 = d.X1, Y1 = d.Y1, X2 = d.X2, Y2 = d.Y2 },
        }));

        if (detectionsOut is not null)
        {
            var start = clock.Now();
            var document = DetectionsDocument.From(inputUri, model.Name, size.Width, size.Height, found);
            var json = JsonSerializer.SerializeToUtf8Bytes(document, DetectionsJsonContext.Default.DetectionsDocument);
            clock.Add(StageClock.Stage.Encode, start);
            await _io.SaveBytesAsync(detectionsOut, json, "application/json", clock, context.CancellationToken);
            response.DetectionsUri = _io.Store.ToUri(detectionsOut);
        }

        if (annotatedOut is not null && image is not null)
        {
            using var annotated = Annotator.Draw(image.Image, found);
            await _io.SaveImageAsync(annotatedOut, annotated, "jpeg", 90, clock, context.CancellationToken);
            response.AnnotatedUri = _io.Store.ToUri(annotatedOut);
        }

        response.Timing = clock.Finish();
        return response;
    }
}
