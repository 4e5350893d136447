namespace ArgoFlow.TestSupport;

/// <summary>The committed sample pipeline specs, pointed at services a test or benchmark started itself.</summary>
public static class SampleSpecs
{
    /// <summary>
    /// The text of samples/pipelines/<paramref name="sample"/>.yaml with a <c>services.default</c> entry sending every
    /// step's gRPC and HTTP calls to the given addresses. The sample's own per-service entries (replicas, autoscale)
    /// stay; without their own addresses they take the default's.
    /// </summary>
    public static string PointedAt(string sample, string grpcAddress, Uri httpBase)
    {
        ArgumentNullException.ThrowIfNull(httpBase);
        var text = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "samples", "pipelines", sample + ".yaml"));
        var entry = $"    default: {{grpc: \"{grpcAddress}\", http: \"{httpBase.GetLeftPart(UriPartial.Authority)}\"}}\n";
        return text.Contains("\n  services:\n", StringComparison.Ordinal)
            ? text.Replace("\n  services:\n", "\n  services:\n" + entry, StringComparison.Ordinal)
            : text.Replace("spec:\n", "spec:\n  services:\n" + entry, StringComparison.Ordinal);
    }
}
