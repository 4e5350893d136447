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
/// Issue 14, point 7: a caller that gives up stops the work. Measured as the service reports it: the time from
/// the client's DEADLINE_EXCEEDED until <c>argoflow_calls_in_flight</c> is back to 0, compared in the same run with
/// the time the whole call takes (without cancellation inside the work it would be most of that).
/// </summary>
public sealed partial class CancellationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("filter")]
    [InlineData("resize")]
    public async Task An_expired_call_leaves_in_flight_well_before_the_whole_call_would_have_finished(string step)
    {
        await using var test = await TestHost.StartAsync(o => o.Services = [step]);
        using (var photo = Cv2.ImRead(SharedData.Image("0.jpg")))
        using (var big = new Mat())
        {
            Cv2.Resize(photo, big, new Size(7000, 5250), 0, 0, InterpolationFlags.Linear);
            File.WriteAllBytes(Path.Combine(test.StoreRoot, "in", "big.jpg"), big.ImEncode(".jpg"));
        }

        var started = Stopwatch.GetTimestamp();
        await CallAsync(test, step, deadline: null);
        var whole = Stopwatch.GetElapsedTime(started);
        await CallAsync(test, step, deadline: null);
        whole = TimeSpan.FromTicks(Math.Min(whole.Ticks, Stopwatch.GetElapsedTime(started).Ticks - whole.Ticks));

        var expired = await Assert.ThrowsAsync<RpcException>(() => CallAsync(test, step, whole / 4));
        var gaveUp = Stopwatch.GetTimestamp();
        Assert.Equal(StatusCode.DeadlineExceeded, expired.StatusCode);
        // A bound on the wait, not a timing assertion: the comparison below is the test.
        while (await InFlightAsync(test, step) > 0)
        {
            Assert.True(Stopwatch.GetElapsedTime(gaveUp) < TimeSpan.FromMinutes(1), "the call never left argoflow_calls_in_flight");
            await Task.Delay(5);
        }

        var stopped = Stopwatch.GetElapsedTime(gaveUp);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{step}: whole call {whole.TotalMilliseconds:F0} ms, deadline {whole.TotalMilliseconds / 4:F0} ms, in flight {stopped.TotalMilliseconds:F0} ms after DEADLINE_EXCEEDED"));
        Assert.True(stopped < whole / 2, $"still in flight {stopped.TotalMilliseconds:F0} ms after the deadline; the whole call takes {whole.TotalMilliseconds:F0} ms");
    }

    private static Task CallAsync(TestHost test, string step, TimeSpan? deadline)
    {
        var at = deadline is { } d ? DateTime.UtcNow + d : (DateTime?)null;
        return step == "filter"
            ? new FilterService.FilterServiceClient(test.Channel).FilterAsync(
                new FilterRequest { Input = "in/big.jpg", Operation = "gaussianBlur", KernelSize = 5 }, deadline: at).ResponseAsync
            : new ResizeService.ResizeServiceClient(test.Channel).ResizeAsync(
                new ResizeRequest { Input = "in/big.jpg", Width = 6000, Interpolation = "lanczos" }, deadline: at).ResponseAsync;
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
