using System.Diagnostics;

namespace ArgoFlow.TestSupport.Waits;

/// <summary>
/// Bounded waits for tests. Every wait names what it waits for and fails the test with that name when the bound
/// passes, so a regression fails in seconds with a reason instead of hanging CI or giving up silently.
/// </summary>
public static class Wait
{
    /// <summary>
    /// The default bound: far above anything a passing test needs on the shared 2-core machine (the slowest
    /// condition waited for, a model warm-up, takes a few seconds), far below CI's hang timeout.
    /// </summary>
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(60);

    /// <summary>How often a condition without its own signal is checked.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Checks <paramref name="condition"/> until it holds; throws <see cref="WaitTimeoutException"/> naming
    /// <paramref name="waitingFor"/> after <paramref name="bound"/> (default <see cref="DefaultBound"/>).
    /// Use it only where nothing signals the condition; await a task that completes on it where one exists.
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition, string waitingFor, TimeSpan? bound = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = bound ?? DefaultBound;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed >= limit)
            {
                throw new WaitTimeoutException(waitingFor, limit);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="bound"/>; fails naming what it was.</summary>
    public static async Task WithinAsync(this Task task, string waitingFor, TimeSpan? bound = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var limit = bound ?? DefaultBound;
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new WaitTimeoutException(waitingFor, limit);
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="bound"/>; fails naming what it was.</summary>
    public static async Task<T> WithinAsync<T>(this Task<T> task, string waitingFor, TimeSpan? bound = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var limit = bound ?? DefaultBound;
        try
        {
            return await task.WaitAsync(limit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new WaitTimeoutException(waitingFor, limit);
        }
    }
}
