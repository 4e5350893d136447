using System.Diagnostics;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Runner;

namespace ArgoFlow.Bench.Local;

/// <summary>
/// Runs the local benchmark: prepares the store folder, starts every mode, follows the interleaved schedule
/// (<see cref="BenchSchedule"/>) and records every run, warm-up runs included and marked. Failed runs are
/// recorded with their cause, never dropped. Turning the samples into statistics is <see cref="LocalBenchAnalysis"/>'s job.
/// </summary>
public static class LocalBench
{
    /// <param name="options">What to run.</param>
    /// <param name="progress">Told after each pipeline run: (runs done, runs in total).</param>
    /// <param name="cancellationToken">Stops between runs; the modes are shut down either way.</param>
    public static async Task<LocalBenchRun> RunAsync(LocalBenchOptions options, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgoFlowException(ExitCode.Usage, string.Join("; ", problems), "see `argoflow bench --help`");
        }

        var schedule = BenchSchedule.Build(options.Modes, options.Warmup, options.Iterations, options.Concurrency);
        var total = schedule.Sum(s => s.Batch);
        using var workspace = BenchWorkspace.Create(options.Inputs, options.WorkDirectory);
        var modes = new Dictionary<string, BenchMode>(StringComparer.Ordinal);
        try
        {
            foreach (var name in options.Modes)
            {
                modes[name] = await BenchModeFactory.CreateAsync(name, options.Spec, workspace, options, cancellationToken);
            }

            var samples = new List<BenchSample>(total);
            var wall = options.Modes.ToDictionary(m => m, _ => 0.0, StringComparer.Ordinal);
            var next = 0;
            foreach (var slot in schedule)
            {
                var keys = Enumerable.Range(0, slot.Batch).Select(_ => workspace.InputKeys[next++ % workspace.InputKeys.Count]).ToList();
                var started = Stopwatch.GetTimestamp();
                var results = new BenchSample[keys.Count];
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count), parallel, async (i, ct) =>
                    results[i] = await RunOneAsync(modes[slot.Mode], slot, keys[i], options, ct));
                if (!slot.Warmup)
                {
                    wall[slot.Mode] += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }

                samples.AddRange(results);
                progress?.Report((samples.Count, total));
            }

            return new LocalBenchRun(options, samples, wall);
        }
        finally
        {
            foreach (var mode in modes.Values)
            {
                await mode.DisposeAsync();
            }
        }
    }

    private static async Task<BenchSample> RunOneAsync(BenchMode mode, BenchSlot slot, string key, LocalBenchOptions options, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await mode.RunAsync(options.Spec, key, cancellationToken);
            return ToSample(slot, result);
        }
        catch (ArgoFlowException ex)
        {
            return new BenchSample(slot.Mode, slot.Round, slot.Warmup, false, Stopwatch.GetElapsedTime(started).TotalMilliseconds, [], ex.Message);
        }
    }

    internal static BenchSample ToSample(BenchSlot slot, PipelineRunResult result)
    {
        var steps = result.Steps.Select(s => new StepSample(
            s.Name, s.Succeeded, s.Timing.DownloadMs, s.Timing.DecodeMs, s.Timing.ProcessMs, s.Timing.EncodeMs,
            s.Timing.UploadMs, s.Timing.TotalMs, s.ClientMs)).ToList();
        var error = result.Steps.FirstOrDefault(s => s.Phase == StepPhase.Failed)?.Message;
        return new BenchSample(slot.Mode, slot.Round, slot.Warmup, result.Succeeded, result.TotalMs, steps,
            result.Succeeded ? null : error ?? "a step did not run");
    }
}
