using System.Globalization;
using Xunit;

namespace ArgoFlow.TestSupport;

/// <summary>
/// What a reported timing promises (common.proto's Timing, the pipeline's total): every stage that ran took
/// time, no stage is negative, the stages add up to no more than the reported total, and the total is no more
/// than the caller measured around the whole call. "&gt; 0" alone would pass for any garbage that is positive.
/// </summary>
public static class StageTimes
{
    /// <summary>Reported milliseconds are rounded; this much slack per comparison absorbs that.</summary>
    private const double RoundingMs = 0.05;

    /// <param name="totalMs">The reported total.</param>
    /// <param name="measured">The time the test measured around the call (an upper bound for the total).</param>
    /// <param name="stages">Each stage's name, reported milliseconds, and whether this call must have run it.</param>
    public static void AssertConsistent(double totalMs, TimeSpan measured, params (string Name, double Ms, bool Ran)[] stages)
    {
        var report = AssertEachStage(measured, stages, $"total {totalMs.ToString(CultureInfo.InvariantCulture)} ms");
        Assert.True(totalMs > 0, $"the total is not positive: {report}");
        Assert.True(stages.Sum(s => s.Ms) <= totalMs + (RoundingMs * stages.Length), $"the stages add up to more than the total: {report}");
        Assert.True(totalMs <= measured.TotalMilliseconds + RoundingMs, $"the total exceeds the time the caller measured: {report}");
    }

    /// <summary>
    /// For stages that overlap in time (the streamed paths decode, process and encode strips concurrently): each
    /// stage that ran took time, none is negative, and none is longer than the caller measured around the call.
    /// </summary>
    public static void AssertOverlapped(TimeSpan measured, params (string Name, double Ms, bool Ran)[] stages)
    {
        var report = AssertEachStage(measured, stages, "stages overlap");
        Assert.All(stages, s => Assert.True(s.Ms <= measured.TotalMilliseconds + RoundingMs, $"{s.Name} is longer than the whole call: {report}"));
    }

    /// <summary>Checks what holds for every stage and returns the numbers, for the messages.</summary>
    private static string AssertEachStage(TimeSpan measured, (string Name, double Ms, bool Ran)[] stages, string note)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var report = string.Join(", ", stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Ms} ms")))
                     + string.Create(CultureInfo.InvariantCulture, $"; {note}; measured by the caller {measured.TotalMilliseconds:0.0} ms");
        foreach (var (name, ms, ran) in stages)
        {
            Assert.True(ms >= 0, $"{name} is negative: {report}");
            Assert.True(!ran || ms > 0, $"{name} ran but reports no time: {report}");
        }

        return report;
    }
}
