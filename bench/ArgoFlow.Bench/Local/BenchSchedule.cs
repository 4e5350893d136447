namespace ArgoFlow.Bench.Local;

/// <summary>
/// The order of the runs: warm-up rounds first, then measured rounds, each round visiting every mode once in the
/// given order (A B C A B C ...), so slow drifts of the machine (other load, thermal, caches) hit every mode
/// alike. A slot runs <see cref="BenchSlot.Batch"/> pipelines of one mode: one without concurrency; with
/// concurrency C, <see cref="SlotsPerWorker"/> x C runs kept C in flight (so the workers stay busy for most of the
/// slot and the throughput is not eaten by waiting for the last run of a small batch), or what is left.
/// </summary>
public static class BenchSchedule
{
    /// <summary>Runs per worker in one slot when the concurrency is above 1.</summary>
    public const int SlotsPerWorker = 4;

    /// <param name="modes">The modes in the order each round visits them.</param>
    /// <param name="warmup">Warm-up runs per mode (excluded from the statistics).</param>
    /// <param name="iterations">Measured runs per mode.</param>
    /// <param name="concurrency">Runs of one mode in flight at once (the slot's runs are kept this many in flight).</param>
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
            var size = concurrency == 1 ? 1 : concurrency * SlotsPerWorker;
            for (var done = 0; done < runs; done += size, round++)
            {
                var batch = Math.Min(size, runs - done);
                slots.AddRange(modes.Select(mode => new BenchSlot(mode, round, isWarmup, batch)));
            }
        }

        return slots;
    }
}
