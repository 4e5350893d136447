using System.Collections.Concurrent;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Runner;
using ArgoFlow.Templates.Spec;
using Grpc.Core;

namespace ArgoFlow.Steps.Pipeline;

/// <summary>
/// Fused mode: <c>argoflow.v1.PipelineService/Run</c> runs a whole spec (or the selected steps) server-side
/// through the same <see cref="PipelineRunner"/> and step client as `argoflow run`, so Argo schedules one node
/// instead of one per service call. Co-hosted services are called over loopback gRPC rather than in-process:
/// the same client, deadlines, retries and timing breakdown as every other mode, for well under a millisecond per
/// call; steps this process does not serve go to the spec's endpoints.
/// </summary>
public sealed class PipelineGrpcService : PipelineService.PipelineServiceBase
{
    private readonly PipelineRunner runner;
    private readonly PipelineServiceOptions options;
    private readonly ConcurrentDictionary<string, PipelineSpec> specs = new(StringComparer.Ordinal);

    public PipelineGrpcService(PipelineRunner runner, PipelineServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        this.runner = runner;
        this.options = options;
    }

    public override async Task<RunPipelineResponse> Run(RunPipelineRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(request.Spec))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "spec: the pipeline spec YAML is required"));
        }

        try
        {
            var spec = Read(request.Spec);
            var run = await runner.RunAsync(
                spec,
                request.Parameters,
                new PipelineRunOptions
                {
                    OnlySteps = request.Steps,
                    TargetFor = step => options.LocalTarget(step.Type.Name) ?? spec.Services.For(step.Type.Name).Grpc,
                },
                context.CancellationToken);
            return PipelineResponseMapper.ToResponse(run);
        }
        catch (ArgoFlowException ex) when (ex.ExitCode is ExitCode.InvalidInput or ExitCode.Usage)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, ex.Message));
        }
    }

    private PipelineSpec Read(string yaml)
    {
        if (specs.TryGetValue(yaml, out var cached))
        {
            return cached;
        }

        var spec = options.ReadSpec(yaml, "request.spec");
        if (specs.Count >= options.SpecCacheSize)
        {
            specs.Clear();
        }

        specs[yaml] = spec;
        return spec;
    }
}
