using System.Globalization;
using System.Text.Json;
using ArgoFlow.Contracts.V1;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Doubles;

/// <summary>Test doubles of the three step services: real gRPC servers, fake image work on a directory store.</summary>
public sealed class ResizeDouble(DoubleStore store, FaultPlan faults) : ResizeService.ResizeServiceBase
{
    public override async Task<ResizeResponse> Resize(ResizeRequest request, ServerCallContext context)
    {
        await faults.EnterAsync("resize", context);
        var tag = string.Create(CultureInfo.InvariantCulture, $"resize-{request.Width}x{request.Height}-{request.Fit}");
        var output = store.Write(request.Output, request.Input, tag, ".jpg", DoubleStore.Transform(store.Read(request.Input), tag));
        return new ResizeResponse
        {
            Output = output, Width = request.Width, Height = request.Height, SourceWidth = 640, SourceHeight = 480,
            Bytes = new FileInfo(new Uri(output).LocalPath).Length,
            Timing = new Timing { DownloadMs = 1, DecodeMs = 2, ProcessMs = 3, EncodeMs = 4, UploadMs = 5, TotalMs = 15 },
            Instance = "double",
        };
    }
}

public sealed class DetectDouble(DoubleStore store, FaultPlan faults) : DetectService.DetectServiceBase
{
    public override async Task<DetectResponse> Detect(DetectRequest request, ServerCallContext context)
    {
        await faults.EnterAsync("detect", context);
        store.Read(request.Input);
        var response = new DetectResponse { Width = 640, Height = 360, Model = "double", Input = request.Input, Instance = "double" };
        response.Detections.Add(new Detection { ClassId = 0, ClassName = "person", Score = 0.875f, Box = new Box { X1 = 10, Y1 = 20, X2 = 110, Y2 = 220 } });
        response.Timing = new Timing { ProcessMs = 7, TotalMs = 8 };
        if (request.WriteDetections)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(new { detections = new[] { new { className = "person", x1 = 10, y1 = 20, x2 = 110, y2 = 220 } } });
            response.DetectionsUri = store.Write(request.DetectionsOutput, request.Input, "detections", ".json", json);
        }

        return response;
    }
}

public sealed class FilterDouble(DoubleStore store, FaultPlan faults) : FilterService.FilterServiceBase
{
    public override async Task<FilterResponse> Filter(FilterRequest request, ServerCallContext context)
    {
        await faults.EnterAsync("filter", context);
        if (request.Operation.Length == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "operation: required"));
        }

        var regions = request.RegionsUri.Length > 0 ? store.Read(request.RegionsUri) : [];
        var tag = $"filter-{request.Operation}";
        var output = store.Write(request.Output, request.Input, tag, ".jpg",
            DoubleStore.Transform([.. store.Read(request.Input), .. regions], tag));
        return new FilterResponse
        {
            Output = output, Width = 640, Height = 360, Regions = regions.Length > 0 ? 1 : 0,
            Bytes = new FileInfo(new Uri(output).LocalPath).Length,
            Timing = new Timing { ProcessMs = 2, TotalMs = 3 }, Instance = "double",
        };
    }
}
