using System.Globalization;
using ArgoFlow.Contracts.V1;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Doubles;

/// <summary>Test double of the resize service: a real gRPC server, fake image work on a directory store.</summary>
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
