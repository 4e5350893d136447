namespace ArgoFlow.Bench.Local;

/// <summary>
/// The order of the runs: warm-up rounds first, then measured rounds, each round visiting every mode once in the
/// given order (A B C A B C ...), so slow drifts of the machine (other load, thermal, caches) hit every mode
/// alike. A slot runs <see cref="BenchSlot.Batch"/> pipelines of one mode at the same time: the concurrency, or
/// what is left of the iterations in the last round.
/// </summary>
public static class BenchSchedule
{
    /// <param name="modes">The modes in the order each round visits them.</param>
    /// <param name="warmup">Warm-up runs per mode (excluded from the statistics).</param>
    /// <param name="iterations">Measured runs per mode.</param>
    /// <param name="concurrency">Runs of one mode in flight at once.</param>
    public static IReadOnlyList<BenchSlot> Build(IReadOnlyList<string> modes, int warmup, int iterations, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var slots = new List<BenchSlot>();
        var round = 0;
        foreach (var (runs, isWarmup) in new[] { (warmup, true), (iterations, false) })
        {
            for (var done = 0; done < runs; done += concurrency, round++)
            {
                var batch = Math.Min(concurrency, runs - done);
                slots.AddRange(modes.Select(mode => new BenchSlot(mode, round, isWarmup, batch)));
            }
        }

        return slots;
    }
}
