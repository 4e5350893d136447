using ArgoFlow.Contracts.V1;

namespace ArgoFlow.Services.Grpc;

/// <summary>Accumulates the milliseconds of each stage of one call, for the response's <see cref="Timing"/>.</summary>
public sealed class StageClock
{
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly Timing _timing = new();

    public StageClock(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _start = time.GetTimestamp();
    }

    public enum Stage
    {
        Download,
        Decode,
        Process,
        Encode,
        Upload,
    }

    public long Now() => _time.GetTimestamp();

    /// <summary>Adds the time since <paramref name="since"/> (from <see cref="Now"/>) to a stage.</summary>
    public void Add(Stage stage, long since) => AddMilliseconds(stage, _time.GetElapsedTime(since).TotalMilliseconds);

    /// <summary>Adds the stages of a streamed call, measured where they overlap (see <see cref="Imaging.RowStream"/>).</summary>
    public void AddOverlapped(double decodeMs, double processMs, double encodeMs)
    {
        AddMilliseconds(Stage.Decode, decodeMs);
        AddMilliseconds(Stage.Process, processMs);
        AddMilliseconds(Stage.Encode, encodeMs);
    }

    /// <summary>Adds a duration measured elsewhere to a stage.</summary>
    public void AddMilliseconds(Stage stage, double ms)
    {
        switch (stage)
        {
            case Stage.Download: _timing.DownloadMs += ms; break;
            case Stage.Decode: _timing.DecodeMs += ms; break;
            case Stage.Process: _timing.ProcessMs += ms; break;
            case Stage.Encode: _timing.EncodeMs += ms; break;
            default: _timing.UploadMs += ms; break;
        }
    }

    /// <summary>The breakdown with the total measured now.</summary>
    public Timing Finish()
    {
        _timing.TotalMs = _time.GetElapsedTime(_start).TotalMilliseconds;
        return _timing;
    }
}
