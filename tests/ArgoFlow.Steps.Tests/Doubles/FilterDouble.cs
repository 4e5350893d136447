using ArgoFlow.Contracts.V1;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Doubles;

/// <summary>Test double of the filter service: a real gRPC server, fake image work on a directory store.</summary>
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
