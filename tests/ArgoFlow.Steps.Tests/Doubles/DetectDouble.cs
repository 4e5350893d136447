using System.Text.Json;
using ArgoFlow.Contracts.V1;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Doubles;

/// <summary>Test double of the detect service: a real gRPC server, fake image work on a directory store.</summary>
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
