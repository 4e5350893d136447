namespace ArgoFlow.Services.Tests.Support;

/// <summary>
/// Runs synchronous work on a thread of its own and cancels its token after a plain sleep - not a timer, which a
/// busy thread pool fires late - so a test can tell work that stopped part-way from work that ran to its end.
/// </summary>
internal static class CancelMidway
{
    /// <summary>What <paramref name="work"/> threw (null when it returned) and whether it returned.</summary>
    public static (Exception? Thrown, bool Finished) Run(Action<CancellationToken> work, TimeSpan cancelAfter)
    {
        using var cancellation = new CancellationTokenSource();
        Exception? thrown = null;
        var finished = false;
        var worker = new Thread(() =>
        {
            try
            {
                work(cancellation.Token);
                finished = true;
            }
            catch (OperationCanceledException ex)
            {
                thrown = ex;
            }
        });

        worker.Start();
        Thread.Sleep(cancelAfter);
        cancellation.Cancel();
        worker.Join();
        return (thrown, finished);
    }
}
