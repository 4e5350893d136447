namespace ArgoFlow.Templates.Spec;

/// <summary>
/// Where each step type's service lives; every step type, and "pipeline" (the fused mode's Pipeline service), has
/// an entry once the spec is loaded.
/// </summary>
public sealed record ServiceEndpoints(IReadOnlyDictionary<string, ServiceEndpoint> ByStepType)
{
    public ServiceEndpoint For(string stepType) => ByStepType[stepType];
}

/// <summary>
/// One service's addresses: <see cref="Grpc"/> as <c>host:port</c>, or <c>https://host:port</c> for TLS (the step
/// client, the plugin), and
/// <see cref="Http"/> as a base URL <c>http://host:port</c> (Argo http templates), and how many pods the generated
/// Deployment runs (<see cref="Scale"/>, null when the spec does not say: one pod).
/// </summary>
public sealed record ServiceEndpoint(string Grpc, string Http, ServiceScale? Scale = null);
