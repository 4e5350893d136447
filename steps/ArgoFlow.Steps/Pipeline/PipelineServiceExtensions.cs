using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Steps.Pipeline;

/// <summary>Registers the fused PipelineService in a host (`argoflow serve`, the embedded services, tests).</summary>
public static class PipelineServiceExtensions
{
    /// <summary>Adds the service, its runner and one shared step client (pooled channels for the whole host).</summary>
    public static IServiceCollection AddPipelineService(this IServiceCollection services, PipelineServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.TryAddSingleton(sp => new StepClient(null, sp.GetService<ILogger<StepClient>>()));
        services.TryAddSingleton(sp => new PipelineRunner(sp.GetRequiredService<StepClient>(), sp.GetService<ILogger<PipelineRunner>>()));
        return services;
    }

    public static IEndpointRouteBuilder MapPipelineService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<PipelineGrpcService>();
        return endpoints;
    }
}
