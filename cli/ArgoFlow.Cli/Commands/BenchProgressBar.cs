using ArgoFlow.Bench.Cluster;

namespace ArgoFlow.Cli.Commands;

/// <summary>Progress on stderr: a redrawn bar on a terminal, one line per finished run otherwise (logs, pipes).</summary>
internal sealed class BenchProgressBar : IProgress<ClusterBenchProgress>
{
    private readonly TextWriter _err;
    private readonly bool _terminal;

    public BenchProgressBar(TextWriter err)
    {
        _err = err;
        _terminal = ReferenceEquals(err, Console.Error) && !Console.IsErrorRedirected;
    }

    public void Report(ClusterBenchProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var last = value.Last;
        var what = $"{last.Template} {(last.Warmup ? "warm-up" : "run")} {last.Iteration + 1}: {last.Phase} {last.WallMs:0} ms";
        if (_terminal)
        {
            const int width = 30;
            var filled = value.Done * width / value.Total;
            _err.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {value.Done}/{value.Total} {what}".PadRight(100));
        }
        else
        {
            _err.WriteLine($"[{value.Done}/{value.Total}] {what}");
        }

        _err.Flush();
    }

    public void Finish()
    {
        if (_terminal)
        {
            _err.WriteLine();
        }
    }
}
