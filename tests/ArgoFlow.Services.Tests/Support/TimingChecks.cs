using ArgoFlow.Contracts.V1;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Services.Tests.Support;

/// <summary>A response's <see cref="Timing"/> checked against what it promises (<see cref="StageTimes"/>).</summary>
internal static class TimingChecks
{
    /// <param name="timing">The response's timing.</param>
    /// <param name="measured">The time the test measured around the call.</param>
    /// <param name="ran">The stages this call must have run, e.g. "download,decode,process".</param>
    public static void AssertConsistent(this Timing timing, TimeSpan measured, string ran) =>
        StageTimes.AssertConsistent(
            timing.TotalMs,
            measured,
            ("download", timing.DownloadMs, ran.Contains("download", StringComparison.Ordinal)),
            ("decode", timing.DecodeMs, ran.Contains("decode", StringComparison.Ordinal)),
            ("process", timing.ProcessMs, ran.Contains("process", StringComparison.Ordinal)),
            ("encode", timing.EncodeMs, ran.Contains("encode", StringComparison.Ordinal)),
            ("upload", timing.UploadMs, ran.Contains("upload", StringComparison.Ordinal)));
}
