using ArgoFlow.Steps.Runner;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Cli.Commands;

/// <summary>Everything `argoflow run` reports: the spec, every run's result, where the services and outputs were.</summary>
internal sealed record RunReport(PipelineSpec Spec, IReadOnlyList<PipelineRunResult> Runs, string Services, string? StoreRoot)
{
    public bool Succeeded => Runs.All(r => r.Succeeded);

    /// <summary>The value at <paramref name="percentile"/> (0-100) of <paramref name="values"/>, nearest rank; 0 when empty.</summary>
    public static double Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>A file:// URI as a local path (what a person can open); anything else unchanged.</summary>
    public static string Display(string uri) =>
        uri.StartsWith("file://", StringComparison.Ordinal) ? uri["file://".Length..] : uri;
}
