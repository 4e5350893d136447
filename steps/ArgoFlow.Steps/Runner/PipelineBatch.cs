using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Steps.Runner;

/// <summary>
/// Many runs of one pipeline (every image of a folder, or one image N times) with at most
/// <c>parallel</c> runs in flight; results come back in the order of the parameter sets.
/// </summary>
public static class PipelineBatch
{
    public static async Task<IReadOnlyList<PipelineRunResult>> RunAsync(
        PipelineRunner runner,
        PipelineSpec spec,
        IReadOnlyList<IReadOnlyDictionary<string, string>> runs,
        int parallel,
        PipelineRunOptions? options,
        Action<PipelineRunResult>? runFinished,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        var results = new PipelineRunResult[runs.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, runs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                results[index] = await runner.RunAsync(spec, runs[index], options, ct);
                runFinished?.Invoke(results[index]);
            });
        return results;
    }
}
