using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Errors;
using ArgoFlow.TestSupport;
using OpenCvSharp;

namespace ArgoFlow.Services.Tests.Detect;

/// <summary>
/// ONNX Runtime aborts the whole process when a session is released during a Run: a shutdown while warm-up or a
/// call is still inferring must wait for it, and later calls must fail cleanly.
/// </summary>
public sealed class DetectionModelLifetimeTests
{
    [Fact]
    public void Disposing_while_inferences_run_lets_them_finish_and_refuses_later_ones()
    {
        var model = DetectionModel.Load(new ModelOptions { Path = SharedData.ModelPath }, 1);
        using var image = Cv2.ImRead(SharedData.Image("0.jpg"), ImreadModes.Color);
        var settings = new DetectSettings(model.DefaultScoreThreshold, model.DefaultIouThreshold, 100);
        var completed = 0;
        var refused = 0;
        var unexpected = new List<Exception>();
        // Each caller infers until it is refused; the dispose comes once some inferences have completed, while the
        // callers are still running theirs. Own threads, not the pool: the test must not depend on pool growth.
        var callers = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                try
                {
                    model.Detect(image, settings);
                    Interlocked.Increment(ref completed);
                }
                catch (StepException ex) when (ex.Failure == StepFailure.NotReady)
                {
                    Interlocked.Increment(ref refused);
                    return;
                }
                catch (Exception ex)
                {
                    lock (unexpected)
                    {
                        unexpected.Add(ex);
                    }

                    return;
                }
            }
        })).ToList();
        callers.ForEach(t => t.Start());

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref completed) >= 6, TimeSpan.FromMinutes(1)), $"waited a minute for 6 detections before the dispose; {Volatile.Read(ref completed)} completed");
        model.Dispose();
        Assert.All(callers, t => Assert.True(t.Join(TimeSpan.FromMinutes(1)), "waited a minute for a caller thread to finish after the dispose"));

        Assert.Empty(unexpected);
        Assert.Equal(3, refused);
        var after = Assert.Throws<StepException>(() => model.Detect(image, settings));
        Assert.Contains("shutting down", after.Message, StringComparison.Ordinal);
        model.Dispose(); // twice is harmless
    }
}
