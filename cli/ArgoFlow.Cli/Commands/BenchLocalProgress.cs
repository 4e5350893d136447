using System.Globalization;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// A one-line progress bar on stderr while the bench runs - only when stderr is a terminal, so logs and pipes
/// get nothing but the final output. Redrawn in place with a carriage return and cleared at the end.
/// </summary>
internal static class BenchLocalProgress
{
    private const int Width = 30;

    public static async Task<T> RunAsync<T>(TextWriter stderr, Func<IProgress<(int Done, int Total)>?, CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        if (!RunConsole.IsTerminal(stderr))
        {
            return await run(null, cancellationToken);
        }

        var progress = new SynchronousProgress(stderr);
        try
        {
            return await run(progress, cancellationToken);
        }
        finally
        {
            await stderr.WriteAsync("\r" + new string(' ', Width + 40) + "\r");
        }
    }

    /// <summary>Draws on the reporting thread (Progress&lt;T&gt; would post to the thread pool and draw out of order).</summary>
    private sealed class SynchronousProgress(TextWriter stderr) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            var filled = value.Total == 0 ? Width : value.Done * Width / value.Total;
            stderr.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('-', Width - filled)}] {value.Done}/{value.Total} runs"));
        }
    }
}
