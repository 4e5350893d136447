using System.Globalization;

namespace ArgoFlow.Cluster.Rendering;

/// <summary>Short human durations and UTC times, always in the invariant culture.</summary>
public static class Durations
{
    /// <summary>850ms, 1.25s, 2m05s, 1h02m.</summary>
    public static string Format(TimeSpan? span)
    {
        if (span is not { } s)
        {
            return "-";
        }

        if (s < TimeSpan.Zero)
        {
            s = TimeSpan.Zero;
        }

        return s.TotalSeconds switch
        {
            < 1 => $"{s.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)}ms",
            < 60 => $"{s.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)}s",
            < 3600 => $"{(int)s.TotalMinutes}m{s.Seconds:00}s",
            _ => $"{(int)s.TotalHours}h{s.Minutes:00}m",
        };
    }

    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    public static string Clock(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "-";

    public static TimeSpan? Between(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } s && end is { } e ? e - s : null;
}
