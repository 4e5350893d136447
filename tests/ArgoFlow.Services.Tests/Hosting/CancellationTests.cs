using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;
using Grpc.Core;
using OpenCvSharp;
using Xunit.Abstractions;

namespace ArgoFlow.Services.Tests.Hosting;

/// <summary>
/// Issue 14, point 7: a caller that gives up stops the work. The end of the work is what the service reports: the
/// moment <c>argoflow_calls_in_flight</c> is back to 0 after the client's DEADLINE_EXCEEDED. What is compared is CPU
/// time (the host runs in this process, and this class runs alone): the CPU the process spent from the deadline to
/// that moment against the CPU the rest of an uncancelled call would have spent. Both are work, not wall time, so
/// other processes loading the machine slow them alike and cannot make the comparison fail. The wall times (the
/// issue's 200 ms target) are printed for docs/reliability.md.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed partial class CancellationTests(ITestOutputHelper output)
{
    /// <param name="step">The service, or "median": the filter service's medianBlur of kernel 21 (not streamed; row bands).</param>
    /// <param name="format">The output format.</param>
    /// <param name="stage">
    /// Where the deadline falls: "early" is a quarter of the call (in the decode); "decode" halfway through the
    /// decode of a call that is little else (an area resize to width 700, so an uninterruptible decode fails it),
    /// "process" halfway through the lanczos resize or the median (cut into bands) and "encode" halfway through the
    /// PNG encode (written in bands) or the WebP encode (libwebp's progress hook), from the stage times of the
    /// uncancelled calls.
    /// </param>
    /// <param name="input">The input's format: a JPEG or a PNG (decoded in bands by PngDecoder) of the same photo.</param>
    [Theory]
    [InlineData("filter", "jpeg", "early")]
    [InlineData("resize", "jpeg", "early")]
    [InlineData("resize", "jpeg", "process")]
    [InlineData("resize", "png", "encode")]
    [InlineData("resize", "webp", "encode")]
    [InlineData("resize", "jpeg", "decode", "png")]
    [InlineData("median", "jpeg", "process")]
    public async Task An_expired_call_stops_using_CPU_well_before_the_rest_of_the_call_would_have(string step, string format, string stage, string input = "jpg")
    {
        var service = step == "median" ? "filter" : step;
        await using var test = await TestHost.StartAsync(o => o.Services = [service]);
        using (var photo = Cv2.ImRead(SharedData.Image("0.jpg")))
        using (var big = new Mat())
        {
            Cv2.Resize(photo, big, new Size(7000, 5250), 0, 0, InterpolationFlags.Linear);
            File.WriteAllBytes(Path.Combine(test.StoreRoot, "in", $"big.{input}"), big.ImEncode($".{input}"));
        }

        var first = await MeasureAsync(() => CallAsync(test, step, format, stage, input, deadline: null));
        var second = await MeasureAsync(() => CallAsync(test, step, format, stage, input, deadline: null));
        // The deadline from the faster call (under load a later deadline would leave less of the call to come);
        // the CPU of a whole call from the larger (the fairer reference for the work still to come).
        var faster = first.Wall <= second.Wall ? first : second;
        var before = faster.Timing.DownloadMs + faster.Timing.DecodeMs;
        var deadline = stage switch
        {
            "decode" => TimeSpan.FromMilliseconds(faster.Timing.DownloadMs + (faster.Timing.DecodeMs / 2)),
            "process" => TimeSpan.FromMilliseconds(before + (faster.Timing.ProcessMs / 2)),
            "encode" => TimeSpan.FromMilliseconds(before + faster.Timing.ProcessMs + (faster.Timing.EncodeMs / 2)),
            _ => faster.Wall / 4,
        };
        var wholeCpu = TimeSpan.FromTicks(Math.Max(first.Cpu.Ticks, second.Cpu.Ticks));

        var (calledCpu, called) = (Environment.CpuUsage.TotalTime, Stopwatch.GetTimestamp());
        var expired = await Assert.ThrowsAsync<RpcException>(() => CallAsync(test, step, format, stage, input, deadline));
        var (gaveUpCpu, gaveUp) = (Environment.CpuUsage.TotalTime, Stopwatch.GetTimestamp());
        Assert.Equal(StatusCode.DeadlineExceeded, expired.StatusCode);
        // A bound on the wait, not a timing assertion: the comparison below is the test.
        while (await InFlightAsync(test, service) > 0)
        {
            Assert.True(Stopwatch.GetElapsedTime(gaveUp) < TimeSpan.FromMinutes(1), "the call never left argoflow_calls_in_flight");
            await Task.Delay(5);
        }

        var (stoppedCpu, stopped) = (Environment.CpuUsage.TotalTime - gaveUpCpu, Stopwatch.GetElapsedTime(gaveUp));
        var toCome = wholeCpu - (gaveUpCpu - calledCpu);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{step} {input} to {format}, deadline {stage}: whole call {first.Wall.TotalMilliseconds:F0}/{second.Wall.TotalMilliseconds:F0} ms ({wholeCpu.TotalMilliseconds:F0} ms CPU), " +
            $"deadline {deadline.TotalMilliseconds:F0} ms (DEADLINE_EXCEEDED after {Stopwatch.GetElapsedTime(called, gaveUp).TotalMilliseconds:F0} ms), " +
            $"in flight {stopped.TotalMilliseconds:F0} ms after it, using {stoppedCpu.TotalMilliseconds:F0} ms CPU of the {toCome.TotalMilliseconds:F0} ms the rest of the call takes"));
        Assert.True(stoppedCpu < toCome / 2,
            $"{stoppedCpu.TotalMilliseconds:F0} ms CPU after the deadline; the rest of the call takes {toCome.TotalMilliseconds:F0} ms CPU");
    }

    private async Task<(TimeSpan Wall, TimeSpan Cpu, Timing Timing)> MeasureAsync(Func<Task<Timing>> call)
    {
        var (cpu, wall) = (Environment.CpuUsage.TotalTime, Stopwatch.GetTimestamp());
        var timing = await call();
        var measured = (Stopwatch.GetElapsedTime(wall), Environment.CpuUsage.TotalTime - cpu, timing);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  stages: download {timing.DownloadMs:F0}, decode {timing.DecodeMs:F0}, process {timing.ProcessMs:F0}, encode {timing.EncodeMs:F0}, upload {timing.UploadMs:F0} ms"));
        return measured;
    }

    /// <summary>The call; returns the service's stage times (printed: they show which stage the deadline fell in).</summary>
    private static async Task<Timing> CallAsync(TestHost test, string step, string format, string stage, string input, TimeSpan? deadline)
    {
        var at = deadline is { } d ? DateTime.UtcNow + d : (DateTime?)null;
        return step switch
        {
            "filter" => (await new FilterService.FilterServiceClient(test.Channel).FilterAsync(
                new FilterRequest { Input = $"in/big.{input}", Operation = "gaussianBlur", KernelSize = 5 }, deadline: at)).Timing,
            "median" => (await new FilterService.FilterServiceClient(test.Channel).FilterAsync(
                new FilterRequest { Input = $"in/big.{input}", Operation = "medianBlur", KernelSize = 21 }, deadline: at)).Timing,
            _ => (await new ResizeService.ResizeServiceClient(test.Channel).ResizeAsync(
                new ResizeRequest { Input = $"in/big.{input}", Width = stage == "decode" ? 700 : 6000, Interpolation = stage == "decode" ? "area" : "lanczos", Format = format }, deadline: at)).Timing,
        };
    }

    private static async Task<int> InFlightAsync(TestHost test, string step)
    {
        var metrics = await test.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var match = InFlight().Matches(metrics).FirstOrDefault(m => m.Groups[1].Value == step);
        return match is null ? 0 : (int)double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""argoflow_calls_in_flight\{service="(\w+)"\} ([0-9.eE+-]+)""")]
    private static partial Regex InFlight();
}
