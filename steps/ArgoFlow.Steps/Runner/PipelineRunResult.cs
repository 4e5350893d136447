namespace ArgoFlow.Steps.Runner;

/// <summary>A whole run: every step in the spec's order, the overall phase and the wall time.</summary>
/// <param name="Pipeline">The spec's name.</param>
/// <param name="Parameters">The parameter values the run used (defaults applied).</param>
/// <param name="Steps">Every step that was to run, in the spec's order.</param>
/// <param name="TotalMs">Wall time of the whole run at the caller.</param>
public sealed record PipelineRunResult(
    string Pipeline,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<StepRunResult> Steps,
    double TotalMs)
{
    /// <summary>True only when every step succeeded.</summary>
    public bool Succeeded => Steps.All(s => s.Succeeded);

    /// <summary>"Succeeded" or "Failed", as Argo names a workflow's phase.</summary>
    public string Phase => Succeeded ? "Succeeded" : "Failed";

    public StepRunResult? Find(string step) =>
        Steps.FirstOrDefault(s => string.Equals(s.Name, step, StringComparison.Ordinal));
}
