using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Runner;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Cli.Commands;

/// <summary>Everything `argoflow run` reports: the spec, every run's result, where the services and outputs were.</summary>
internal sealed record RunReport(PipelineSpec Spec, IReadOnlyList<PipelineRunResult> Runs, string Services, string? StoreRoot)
{
    public bool Succeeded => Runs.All(r => r.Succeeded);

    /// <summary>
    /// The README's exit code for the runs: 0; the code the failures share when they agree (3 for an input the
    /// services refused, 4 for services that could not be reached, 6 for deadlines); otherwise 5.
    /// </summary>
    public ExitCode ExitCode
    {
        get
        {
            var codes = Runs.SelectMany(r => r.Steps).Where(s => s.Phase == StepPhase.Failed)
                .Select(s => s.FailureCode is ExitCode.Ok ? ExitCode.Failed : s.FailureCode).Distinct().ToList();
            return codes.Count switch
            {
                0 => ExitCode.Ok,
                1 => codes[0],
                _ => ExitCode.Failed,
            };
        }
    }

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
