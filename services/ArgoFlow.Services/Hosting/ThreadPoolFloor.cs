namespace ArgoFlow.Services.Hosting;

/// <summary>
/// Raises the thread pool's minimum of worker threads for a warm host. A call's image work blocks pool threads: the
/// handler decodes on its own thread while strip helpers wait for rows (<c>RowStream</c>), Parallel.For bands run
/// on the pool. On a 2-core machine the pool starts with 2 workers, so two busy calls left no thread for Kestrel's
/// I/O and the timers that fire deadlines, and the pool adds threads only every half second or so when starved: a
/// deadline was seen 1.3 s late and the work it should have stopped ran on (seen once in CancellationTests). The
/// floor lets the pool start threads without that delay up to enough for every call the limits admit to block
/// a thread per core, plus some for I/O. Threads are still only created when needed.
/// </summary>
internal static class ThreadPoolFloor
{
    /// <summary>No more than this many, however many cores.</summary>
    private const int Cap = 256;

    /// <summary>Raises the minimum (never lowers it) for <paramref name="maxConcurrency"/> calls at once per service and <paramref name="services"/> services.</summary>
    public static void Raise(int maxConcurrency, int services)
    {
        var cores = Environment.ProcessorCount;
        var wanted = Math.Min(Cap, (Math.Max(1, maxConcurrency) * Math.Max(1, services) * cores) + 8);
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, io);
        }
    }
}
