using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Steps.Pipeline;

/// <summary>How the fused PipelineService reads specs and reaches the step services.</summary>
public sealed class PipelineServiceOptions
{
    /// <summary>Parses and validates spec YAML. Default <see cref="PipelineSpecReader.Read"/>.</summary>
    public Func<string, string, PipelineSpec> ReadSpec { get; init; } = PipelineSpecReader.Read;

    /// <summary>
    /// gRPC target of a step type served by this same process (its loopback address), or null to use the
    /// spec's endpoint. `argoflow serve` fills it from <see cref="LocalServiceTargets"/>.
    /// </summary>
    public Func<string, string?> LocalTarget { get; init; } = _ => null;

    /// <summary>How many parsed specs are kept, keyed by their text. Default 64.</summary>
    public int SpecCacheSize { get; init; } = 64;
}
