namespace ArgoFlow.Steps.Pipeline;

/// <summary>
/// The step services hosted by this same process and the loopback gRPC address they listen on, which is known
/// only once the host has bound its port. The fused PipelineService calls those services there.
/// </summary>
public sealed class LocalServiceTargets(IEnumerable<string> stepTypes)
{
    private readonly HashSet<string> types = stepTypes.ToHashSet(StringComparer.Ordinal);

    /// <summary>host:port of this process's gRPC endpoint; set after the host started.</summary>
    public string? Address { get; set; }

    /// <summary>The local address for <paramref name="stepType"/>, or null when this process does not serve it.</summary>
    public string? For(string stepType) => Address is not null && types.Contains(stepType) ? Address : null;
}
