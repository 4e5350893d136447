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
    public async Task Disposing_while_inferences_run_lets_them_finish_and_refuses_later_ones()
    {
        var model = DetectionModel.Load(new ModelOptions { Path = SharedData.ModelPath }, 1);
        using var image = Cv2.ImRead(SharedData.Image("0.jpg"), ImreadModes.Color);
        var settings = new DetectSettings(model.DefaultScoreThreshold, model.DefaultIouThreshold, 100);
        using var started = new CountdownEvent(4);
        var completed = 0;
        var refused = 0;
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            started.Signal();
            for (var i = 0; i < 40; i++)
            {
                try
                {
                    model.Detect(image, settings);
                    Interlocked.Increment(ref completed);
                }
                catch (StepException ex) when (ex.Failure == StepFailure.NotReady)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })).ToArray();

        started.Wait();
        await Task.Delay(30);
        model.Dispose();
        await Task.WhenAll(callers);

        Assert.True(completed > 0, "some inferences ran before the dispose");
        Assert.True(refused > 0, "the ones after it were refused");
        Assert.Equal(160, completed + refused);
        var after = Assert.Throws<StepException>(() => model.Detect(image, settings));
        Assert.Contains("shutting down", after.Message, StringComparison.Ordinal);
        model.Dispose(); // twice is harmless
    }
}
